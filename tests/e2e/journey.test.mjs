// Journeys a newcomer takes: keyboard only from the first question to the
// results and the plan; jumping between sections; starting over (after a
// confirmation); a 360 px phone without horizontal scrolling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready, answerAll } from './browser.mjs';

test('the whole assessment can be completed with the keyboard alone', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    const total = await page.locator('fieldset.question').count();
    // Tab through the page; in every radio group that has no answer yet,
    // Space picks the focused option (the first: Yes, or Don't know for numbers).
    let reached = false;
    for (let i = 0; i < 2000 && !reached; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement;
        if (el?.id === 'see-results') return 'results';
        if (el?.type === 'radio' && !document.querySelector(`input[name="${CSS.escape(el.name)}"]:checked`)) return 'pick';
        return 'next';
      });
      if (state === 'pick') await page.keyboard.press('Space');
      if (state === 'results') reached = true;
    }
    assert.ok(reached, 'Tab reaches "See your results"');
    const answered = await page.$$eval('fieldset.question', (sets) => sets.filter((f) => f.querySelector('input:checked')).length);
    assert.equal(answered, total, 'every question answered by keyboard');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H2', 'focus moves to the results heading');
    // Tab to the first action's checkbox and plan it with Space.
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches('#action-plan input[type=checkbox]'))) break;
    }
    await page.keyboard.press('Space');
    await page.waitForSelector('#results-planned');
    // Focus is always visible (the stylesheet's focus ring is not removed).
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
  } finally {
    await close();
    server.close();
  }
});

test('sections can be jumped to, and starting over asks first and clears everything', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    assert.match(await page.textContent('.duration'), /\d+ questions in \d+ sections, about \d+ minutes/);
    const sections = page.locator('nav.sections li');
    const count = await sections.count();
    assert.ok(count >= 8, `${count} sections listed`);
    const last = sections.nth(count - 1);
    await last.locator('button').click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.match(focused, /-title$/, 'focus moves to the section heading');
    assert.equal(await page.evaluate(() => location.hash), '', 'the URL is not touched');

    // Per-section progress follows the answers.
    const firstSection = await page.$eval('fieldset.question', (f) => f.closest('section').querySelector('h3').id);
    await page.$$eval(`section[aria-labelledby="${firstSection}"] fieldset.question`, (sets) => sets.forEach((f) => f.querySelector('input[value="dont-know"]').click()));
    const progress = await sections.first().locator('.section-progress').textContent();
    const [a, b] = progress.match(/\d+/g).map(Number);
    assert.equal(a, b, progress);
    assert.match(await sections.first().getAttribute('class'), /complete/);

    await page.fill('#profile-company', 'Kee Wah 奇華');
    await page.press('#profile-company', 'Tab');
    // Cancelled: nothing changes.
    page.once('dialog', (d) => d.dismiss());
    await page.click('#start-over');
    assert.equal(await page.inputValue('#profile-company'), 'Kee Wah 奇華');
    // Confirmed: answers, profile and saved data are gone.
    page.once('dialog', (d) => { assert.match(d.message(), /Delete every answer/); d.accept(); });
    await page.click('#start-over');
    await page.waitForFunction(() => !document.querySelector('fieldset.question input:checked'));
    assert.equal(await page.inputValue('#profile-company'), '');
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('fieldset.question input:checked').count(), 0, 'nothing comes back after a reload');
  } finally {
    await close();
    server.close();
  }
});

test('a 360 px phone never scrolls sideways, on the questions or the results', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url);
    await ready(page);
    await page.fill('#profile-company', 'A'.repeat(200));
    await page.press('#profile-company', 'Tab');
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.equal(await width(), 360, 'questions');
    await answerAll(page);
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    await page.locator('#action-plan li.action input[type=checkbox]').first().check();
    await page.waitForSelector('#exposure-planned');
    await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)));
    assert.equal(await width(), 360, 'results with every detail open');
  } finally {
    await close();
    server.close();
  }
});
