// The results page prints legibly from the browser: printed to PDF by
// Chromium with the print stylesheet, then read back with pdftotext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serve, ready, pdfText, answerAll } from './browser.mjs';

test('the results page prints with its figures and plan, without the controls', async () => {
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
    await first.locator('input[type=checkbox]').check();
    await page.waitForSelector('#exposure-planned');
    const title = (await first.locator('.action-title').textContent()).trim();
    const score = (await page.textContent('#results-score')).trim();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'print-')), 'results.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const text = pdfText(file);
    assert.ok(text.includes(score), `score ${score}`);
    for (const words of ['Action plan', 'What the gaps could cost', 'Expected yearly loss', 'Assumptions', title.slice(0, 40)]) {
      assert.ok(text.includes(words), `printed page lacks "${words}"`);
    }
    for (const hidden of ['Download PDF report', 'Back to the questions', 'How was this computed?']) {
      assert.ok(!text.includes(hidden), `"${hidden}" should not print`);
    }
  } finally {
    await close();
    server.close();
  }
});
