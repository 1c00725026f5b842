// Limits (docs/limits.md): values beyond a range get a clear inline message
// and change nothing; at the extremes (largest values, every question
// answered, every action planned with the longest hostile texts) the app
// stays usable and every figure stays finite and formatted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready, answerAll } from './browser.mjs';

const HOSTILE = '<img src=x onerror="window.__xss=1">‮RTL 🚀 澳門 ' + 'x'.repeat(200);

test('out-of-range values are refused with a message; extremes stay usable and finite', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await ready(page);

    // Beyond the ranges: a message, and the saved profile does not change.
    await page.fill('#profile-employees', '1000001');
    assert.match(await page.textContent('#profile-employees-error'), /from 1 to 1,000,000/);
    await page.fill('#profile-revenue', '1000000000001');
    assert.match(await page.textContent('#profile-revenue-error'), /from 0 to 1,000,000,000,000/);
    const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('dingtalk-macau-assessment.v1')).assessment.profile);
    assert.equal((await saved()).employees ?? null, null);

    // The largest allowed values and the longest texts.
    await page.fill('#profile-employees', '1,000,000');
    await page.fill('#profile-revenue', '1000000000000');
    await page.fill('#profile-company', HOSTILE);
    await page.press('#profile-company', 'Tab');
    assert.equal((await saved()).employees, 1000000);
    assert.equal((await saved()).company_name.length, 200, 'cut at 200 characters');
    for (const id of ['#profile-hk', '#profile-mainland', '#profile-eu', '#profile-ciio']) await page.check(id);
    await answerAll(page);
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });

    // Every action planned, with the longest hostile owner text.
    const boxes = page.locator('#action-plan li.action input[type=checkbox]');
    const n = await boxes.count();
    for (let i = 0; i < n; i++) await boxes.nth(i).check();
    const owners = page.locator('#action-plan input[id$="-owner"]');
    for (let i = 0; i < Math.min(n, 10); i++) await owners.nth(i).fill(HOSTILE);
    await owners.first().press('Tab');
    // The largest assumption values.
    await page.fill('#assumption-incident-cost', '1000000000000');
    await page.fill('#assumption-manager-yearly-cost', '1000000000000');
    await page.fill('#assumption-p-enforcement', '100');
    await page.waitForSelector('#exposure-planned');
    await page.waitForFunction(() => document.querySelector('#exposure-now tr.total td:nth-child(3)').textContent.replace(/\D/g, '').length > 12);

    const text = await page.textContent('#results');
    assert.doesNotMatch(text, /NaN|Infinity|undefined|null/);
    for (const cell of await page.$$eval('table.money td', (tds) => tds.map((t) => t.textContent))) {
      assert.match(cell, /^(MOP [\d,]+(≈ HK\$[\d,]+)?|-?[\d,.]+%|\d+ months|[a-z ():,]+)$/, cell);
    }
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'hostile text stays inert');
    assert.equal(await page.locator('#action-plan img').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
    server.close();
  }
});
