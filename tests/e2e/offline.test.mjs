// Offline after the first visit (service worker, one cache per build), and
// the update banner when a new build is deployed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, ready, copyDist } from './browser.mjs';
import { startServer } from './serve.mjs';


const controlled = (page) => page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });

test('after one visit online, the assessment, its results and the PDF work offline', async () => {
  const dir = copyDist();
  const { server, url } = await startServer(dir, 0);
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await controlled(page);
    await page.check('fieldset[data-question="security.mfa"] input[value="no"]');
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    // The results screen prefetches the report worker; let it finish.
    await page.waitForFunction(async () => (await caches.keys()).length === 1 &&
      (await (await caches.open((await caches.keys())[0])).keys()).some((r) => r.url.includes('report-worker_bg.wasm')), null, { timeout: 60_000 });

    // A Chinese report online once: its font is cached on first use.
    await page.selectOption('#language', 'zh-Hant');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    await context.setOffline(true);
    server.close();
    await page.reload();
    await ready(page);
    assert.ok(await page.isChecked('fieldset[data-question="security.mfa"] input[value="no"]'));
    await page.selectOption('#language', 'pt'); // another language's bundle, from the cache
    await page.waitForFunction(() => document.documentElement.lang === 'pt');
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    // The Chinese report too, in a fresh worker, with the font from the cache.
    await page.reload();
    await ready(page);
    await page.selectOption('#language', 'zh-Hant');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    const [zh] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
    const file = path.join(dir, 'zh.pdf');
    await zh.saveAs(file);
    assert.ok(execFileSync('pdffonts', [file]).toString().split('\n').length >= 5, 'the Chinese face is embedded');
  } finally {
    await close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a new build is offered with a banner, and reloading into it keeps the answers', async () => {
  const dir = copyDist();
  const { server, url } = await startServer(dir, 0);
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await controlled(page);
    await page.check('fieldset[data-question="security.mfa"] input[value="yes"]');
    // "Deploy" a new build: the service worker script changes.
    fs.appendFileSync(path.join(dir, 'sw.js'), '\n// next build\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('#update-banner', { timeout: 30_000 });
    assert.match(await page.textContent('#update-banner'), /new version/);
    await page.evaluate(() => { window.__before = true; });
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.click('#update-reload')]);
    await ready(page);
    assert.equal(await page.evaluate(() => window.__before), undefined, 'the page reloaded');
    assert.ok(await page.isChecked('fieldset[data-question="security.mfa"] input[value="yes"]'));
  } finally {
    await close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
