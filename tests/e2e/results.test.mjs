// The results screen shows what the engine computed (in the results worker):
// score, maturity, risk, areas, critical gaps, the action plan with its
// what-if, the money panel, editable assumptions, and "how was this
// computed"; every edit is saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready, answerAll } from './browser.mjs';

const moneyTotal = (page, table) => page.textContent(`${table} tr.total td:nth-child(3)`);

test('results: engine figures, what-if, editable assumptions, all saved', async () => {
  const { server, url, requests } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await ready(page);
    await answerAll(page);
    assert.ok(!requests.some((r) => r.url.includes('results-worker')), 'results worker fetched before it is needed');
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    assert.ok(requests.some((r) => r.url.includes('results-worker_bg')), 'the results worker is loaded for the results');

    // Scores, maturity, risk, range of the unknowns.
    const score = Number((await page.textContent('#results-score')).match(/^(\d+) \/ 100$/)[1]);
    assert.ok(score < 10, `all No scores low: ${score}`);
    assert.match(await page.textContent('.maturity'), /Maturity: Initial/);
    assert.match(await page.textContent('#results-risk'), /Risk: Critical/);
    assert.match(await page.textContent('#results-range'), /Between \d+ and \d+: \d+ answers are Don't know/);
    assert.equal(await page.locator('.bars > li').count(), 10, 'ten areas');
    assert.ok((await page.locator('#critical-gaps > li').count()) > 0, 'critical gaps listed');
    const actions = await page.locator('#action-plan li.action').count();
    assert.ok(actions > 20, `${actions} actions`);
    assert.ok((await page.locator('#action-plan .badge.quick').count()) > 0, 'quick wins marked');

    // Money: four components and a total, low/typical/high, HKD beside it.
    assert.equal(await page.locator('#exposure-now tbody tr').count(), 5);
    const totalNow = await moneyTotal(page, '#exposure-now');
    assert.match(totalNow, /^MOP [\d,]+≈/);
    assert.match(await page.textContent('#exposure-now tr.total td:nth-child(3)'), /^MOP [\d,]+≈ HK\$[\d,]+$/);
    assert.match(await page.textContent('#return-plan'), /No action planned yet/);
    assert.match(await page.textContent('#return-all'), /Return on investment.*%/s);

    // "How was this computed?" names the formula and the terms.
    await page.click('.summary details.how summary');
    assert.match(await page.textContent('.summary details.how'), /Score = sum of \(weight × credit\).*Weight \d.*Credit/s);

    // What-if: planning the first action raises the planned score and shows its return.
    const first = page.locator('#action-plan li.action').first();
    const firstId = await first.getAttribute('data-action');
    await first.locator('input[type=checkbox]').check();
    await page.waitForSelector('#results-planned');
    const planned = Number((await page.textContent('#results-planned')).match(/(\d+) \/ 100/)[1]);
    assert.ok(planned > score, `planned ${planned} > ${score}`);
    await page.waitForSelector('#exposure-planned');
    const totalPlanned = await moneyTotal(page, '#exposure-planned');
    assert.notEqual(totalPlanned, totalNow, 'the planned loss differs');
    assert.match(await page.textContent('#return-plan'), /Payback/);

    // Notes on the action.
    await page.fill(`#plan-${firstId.replace('.', '\\.')}-owner`, 'Ana <b>Lei</b> 李');
    await page.press(`#plan-${firstId.replace('.', '\\.')}-owner`, 'Tab');
    await page.fill(`#plan-${firstId.replace('.', '\\.')}-due`, '2027-03-31');
    await page.selectOption(`#plan-${firstId.replace('.', '\\.')}-status`, 'doing');

    // An assumption edited in place changes the figures; a bad value is refused with a message.
    const input = page.locator('#assumption-p-enforcement');
    await input.fill('150');
    await page.waitForSelector('#assumption-p-enforcement-error');
    assert.match(await page.textContent('#assumption-p-enforcement-error'), /from 0 to 100/);
    await input.fill('50');
    await page.waitForFunction((before) => document.querySelector('#exposure-now tr.total td:nth-child(3)').textContent !== before, totalNow);
    assert.match(await page.textContent('#assumptions li.edited'), /changed by you/);
    const totalEdited = await moneyTotal(page, '#exposure-now');

    // Everything survives a reload.
    await page.reload();
    await ready(page);
    await page.click('#see-results');
    await page.waitForSelector('#results-planned');
    assert.equal(await moneyTotal(page, '#exposure-now'), totalEdited);
    assert.ok(await page.isChecked(`#plan-${firstId.replace('.', '\\.')}-planned`));
    assert.equal(await page.inputValue(`#plan-${firstId.replace('.', '\\.')}-owner`), 'Ana <b>Lei</b> 李');
    assert.equal(await page.inputValue(`#plan-${firstId.replace('.', '\\.')}-due`), '2027-03-31');
    assert.equal(await page.inputValue(`#plan-${firstId.replace('.', '\\.')}-status`), 'doing');
    assert.equal(await page.inputValue('#assumption-p-enforcement'), '50');

    // Reset puts the defaults back.
    await page.click('#reset-assumptions');
    await page.waitForFunction((t) => document.querySelector('#exposure-now tr.total td:nth-child(3)').textContent === t, totalNow);
    assert.equal(await page.locator('#assumptions li.edited').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
    server.close();
  }
});

for (const [tag, words] of [['zh-Hant', ['成熟度', '行動計劃', '澳門元']], ['pt', ['Maturidade', 'Plano de acção', 'MOP']]]) {
  test(`results are computed and shown in ${tag}`, async () => {
    const { server, url } = await serve();
    const { context, close } = await launch();
    try {
      const page = await context.newPage();
      await page.addInitScript((t) => Object.defineProperty(navigator, 'languages', { get: () => [t] }), tag);
      await page.goto(url);
      await ready(page);
      await answerAll(page);
      await page.click('#see-results');
      await page.waitForSelector('#results-score', { timeout: 30_000 });
      const text = await page.textContent('#results');
      for (const w of words) assert.ok(text.includes(w), `${tag}: "${w}" missing`);
      // No untranslated keys or placeholders anywhere on the screen.
      assert.doesNotMatch(text, /\{[a-z]+\}|\b(view|term|formula|assumption)\.[a-z-]+/);
      // Switching language keeps the results and recomputes them in the new language.
      await page.selectOption('#language', 'en');
      await page.waitForFunction(() => document.querySelector('#results')?.textContent.includes('Maturity'));
    } finally {
      await close();
      server.close();
    }
  });
}
