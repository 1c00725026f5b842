// Files: export and import of an assessment (versioned JSON; every format
// version kept as a fixture imports), bad and newer files change nothing,
// importing over work asks first; the action plan exports as CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, ready, answerAll } from './browser.mjs';

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures');

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

test('an exported file imports into a fresh browser; bad and newer files change nothing', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.fill('#profile-company', 'Kee Wah 奇華 <b>Lda</b>');
    await page.press('#profile-company', 'Tab');
    await page.check('fieldset[data-question="security.mfa"] input[value="partly"]');
    await page.check('fieldset[data-question="security.offboarding"] input[value="no"]');
    const exported = await download(page, '#export-json');
    assert.match(exported.name, /^dingtalk-assessment-kee-wah-奇華-b-lda-b-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(exported.text);
    assert.equal(doc.format, 1);
    assert.equal(doc.assessment.answers['security.mfa'], 'partly');

    // A second, empty browser profile imports it.
    const other = await launch();
    try {
      const p2 = await other.context.newPage();
      await p2.goto(url);
      await ready(p2);
      const file = path.join(fs.mkdtempSync('/tmp/import-'), 'a.json');
      fs.writeFileSync(file, exported.text);
      await p2.setInputFiles('#import-json', file);
      await p2.waitForFunction(() => /imported: 2 answers/.test(document.querySelector('#data-status').textContent));
      assert.ok(await p2.isChecked('fieldset[data-question="security.mfa"] input[value="partly"]'));
      assert.equal(await p2.inputValue('#profile-company'), 'Kee Wah 奇華 <b>Lda</b>');

      // Bad files: not JSON, JSON of something else, too new. Nothing changes.
      const before = await p2.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1'));
      for (const [content, pattern] of [
        ['this is not json', /could not be read as an assessment/],
        ['{"hello":"world"}', /could not be read as an assessment/],
        [JSON.stringify({ format: 42, content_version: 1, assessment: {} }), /newer version/],
      ]) {
        fs.writeFileSync(file, content);
        await p2.setInputFiles('#import-json', file);
        await p2.waitForFunction((re) => new RegExp(re).test(document.querySelector('#data-status').textContent), pattern.source);
        assert.equal(await p2.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1')), before);
      }

      // Importing over existing work asks first; declining keeps the work.
      fs.writeFileSync(file, fs.readFileSync(path.join(FIXTURES, 'saved-format-1.json')));
      p2.once('dialog', (d) => d.dismiss());
      await p2.setInputFiles('#import-json', file);
      await p2.waitForTimeout(300);
      assert.equal(await p2.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1')), before);
    } finally {
      await other.close();
    }
  } finally {
    await close();
    server.close();
  }
});

test('every saved-format version kept as a fixture imports, with its plan and assumptions', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    const fixtures = fs.readdirSync(FIXTURES).filter((f) => /^saved-format-\d+\.json$/.test(f));
    assert.ok(fixtures.length >= 1);
    for (const f of fixtures) {
      page.once('dialog', (d) => d.accept());
      await page.setInputFiles('#import-json', path.join(FIXTURES, f));
      await page.waitForFunction(() => /imported/.test(document.querySelector('#data-status').textContent));
      assert.ok(await page.isChecked('fieldset[data-question="security.mfa"] input[value="no"]'), f);
      await page.click('#see-results');
      await page.waitForSelector('#results-planned', { timeout: 30_000 });
      assert.equal(await page.inputValue('#plan-security\\.mfa-owner'), 'IT team');
      assert.equal(await page.inputValue('#assumption-p-enforcement'), '20');
      await page.click('#back-to-questions');
    }
  } finally {
    await close();
    server.close();
  }
});

test('the action plan exports as CSV, formula-safe and readable by spreadsheets', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await answerAll(page);
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    const first = page.locator('#action-plan li.action').first();
    const id = await first.getAttribute('data-action');
    await first.locator('input[type=checkbox]').check();
    const owner = page.locator(`#plan-${id.replace('.', '\\.')}-owner`);
    await owner.fill('=HYPERLINK("http://evil")');
    await owner.press('Tab');
    await page.waitForSelector('#exposure-planned');
    const csv = await download(page, '#export-csv');
    assert.match(csv.name, /\.csv$/);
    assert.ok(csv.text.startsWith('\ufeff"No.","Action"'), csv.text.slice(0, 60));
    const lines = csv.text.trim().split('\r\n');
    const actions = await page.locator('#action-plan li.action').count();
    assert.equal(lines.length, actions + 1, 'a header and a row per action');
    assert.ok(lines[1].includes(`"'=HYPERLINK(""http://evil"")"`), lines[1]);
    assert.ok(lines[1].includes('"Yes"'), 'planned');
  } finally {
    await close();
    server.close();
  }
});
