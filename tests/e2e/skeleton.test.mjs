// The walking skeleton end to end: answer, score, reload, results, PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serve, pdfText, ready } from './browser.mjs';

const QUESTIONS = ['security.mfa', 'security.offboarding', 'security.datacentre'];

test('answers score live, survive a reload, and become a PDF in the browser', async () => {
  const { server, url, requests } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const before = await page.textContent('#score-value');

    const pick = (id, value) => page.check(`fieldset[data-question="${id}"] input[value="${value}"]`);
    await pick(QUESTIONS[0], 'yes');
    await page.waitForFunction((b) => document.querySelector('#score-value').textContent !== b, before);
    assert.match(await page.textContent('#score-value'), /^100 \/ 100$/);
    await pick(QUESTIONS[1], 'partly');
    await pick(QUESTIONS[2], 'no');
    const score = (await page.textContent('#score-value')).trim();
    assert.match(score, /^\d+ \/ 100$/);
    assert.notEqual(score, '100 / 100');

    // The report generator is not fetched before the results screen.
    assert.ok(!requests.some((r) => r.url.includes('report-worker')), 'report worker fetched too early');

    await page.reload();
    await ready(page);
    for (const [id, value] of [[QUESTIONS[0], 'yes'], [QUESTIONS[1], 'partly'], [QUESTIONS[2], 'no']]) {
      assert.ok(await page.isChecked(`fieldset[data-question="${id}"] input[value="${value}"]`), `${id} restored`);
    }
    assert.equal((await page.textContent('#score-value')).trim(), score);

    await page.click('#see-results');
    await page.waitForSelector('#download-pdf');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H2', 'focus moves to the results heading');
    // Reaching the results prefetches the worker.
    for (let i = 0; i < 100 && !requests.some((r) => r.url.includes('report-worker_bg')); i++) await page.waitForTimeout(100);
    assert.ok(requests.some((r) => r.url.includes('report-worker_bg')), 'the worker is prefetched on the results screen');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
    assert.match(download.suggestedFilename(), /^dingtalk-assessment-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), download.suggestedFilename());
    await download.saveAs(file);
    const text = pdfText(file);
    assert.ok(text.includes(`The overall score is ${score.split(" ")[0]} out of 100`), text.slice(0, 400));
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.ok(text.includes(`Generated on ${iso}`));
    for (const q of ['multi-factor authentication', 'departing employees', 'Hong Kong/Macau node']) {
      assert.ok(text.includes(q), `PDF lacks "${q}"`);
    }
    for (const a of ['Yes', 'Partly', 'No']) assert.ok(text.includes(a));
    assert.match(await page.textContent('#pdf-status'), /downloaded/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
    server.close();
  }
});

test('the language follows the browser and can be switched without losing answers', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['zh-TW', 'en'] }));
    await page.goto(url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    assert.match(await page.textContent('h1'), /釘釘/);
    await page.check('fieldset[data-question="security.mfa"] input[value="yes"]');
    await page.selectOption('#language', 'pt');
    await page.waitForFunction(() => document.documentElement.lang === 'pt');
    assert.match(await page.textContent('h1'), /Autoavaliação/);
    assert.ok(await page.isChecked('fieldset[data-question="security.mfa"] input[value="yes"]'));
  } finally {
    await close();
    server.close();
  }
});
