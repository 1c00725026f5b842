// Zero egress, provable: during full journeys (every section, three
// languages, results with edits, PDF downloads, the recovery screen) the
// browser makes no request except GETs of files of the build output, with
// no data in the URL; no cookies; and the Content-Security-Policy is
// enforced with no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, ready, DIST } from './browser.mjs';

function checkRequests(requests, base) {
  const origin = new URL(base).origin;
  assert.ok(requests.length > 5, 'requests were recorded');
  for (const r of requests) {
    if (r.url.startsWith('blob:') || r.url.startsWith('data:')) continue; // local, never leaves the browser
    const u = new URL(r.url);
    assert.equal(u.origin, origin, `request to another origin: ${r.url}`);
    assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
    assert.equal(u.search, '', `data in the query string: ${r.url}`);
    assert.equal(r.postData, null, `a request body: ${r.url}`);
    const file = path.join(DIST, decodeURIComponent(u.pathname));
    const target = u.pathname.endsWith('/') ? path.join(file, 'index.html') : file;
    assert.ok(fs.existsSync(target) && fs.statSync(target).isFile(), `not a file of the build: ${u.pathname}`);
  }
}

test('full journeys in three languages make no request but GETs of the build files', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const requests = [];
    context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), postData: r.postData() }));
    const page = await context.newPage();
    const csp = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    await ready(page);
    await page.fill('#profile-company', 'Banco <script>alert(1)</script> & "Lda"');
    await page.press('#profile-company', 'Tab');
    for (const id of ['#profile-hk', '#profile-eu', '#profile-ciio']) await page.check(id);
    for (const tag of ['en', 'pt', 'zh-Hant']) {
      await page.selectOption('#language', tag);
      await page.waitForFunction((t) => document.documentElement.lang === t, tag);
      await page.$$eval('fieldset.question', (sets) => sets.forEach((f, i) => (f.querySelector(i % 2 ? 'input[value="no"]' : 'input[value="partly"]') || f.querySelector('input[value="dont-know"]')).click()));
      await page.click('#see-results');
      await page.waitForSelector('#results-score', { timeout: 30_000 });
      await page.locator('#action-plan li.action input[type=checkbox]').first().check();
      await page.fill('#assumption-incident-cost', '500000');
      await page.waitForSelector('#exposure-planned');
      if (tag !== 'zh-Hant') {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
        assert.match(download.suggestedFilename(), /\.pdf$/);
      }
      await page.click('#back-to-questions');
    }
    // The recovery screen, too.
    await page.goto(`${url}#test-panic`);
    await page.reload();
    await page.waitForSelector('#recovery', { timeout: 30_000 });
    checkRequests(requests, url);
    // The log sees inside the workers too (their wasm is fetched from the worker).
    for (const f of ['results-worker_bg.wasm', 'report-worker_bg.wasm', 'bank.']) {
      assert.ok(requests.some((r) => r.url.includes(f)), `no request for ${f} recorded`);
    }
    assert.deepEqual(await context.cookies(), [], 'no cookies');
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.deepEqual(csp, [], 'CSP violations reported in the console');
    // The policy is really there (a meta tag, so it travels with the files).
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /connect-src 'self'/);
  } finally {
    await close();
    server.close();
  }
});

test('the policy blocks what it should: a request to another origin fails', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/collect?x=1');
        return false;
      } catch {
        return true;
      }
    });
    assert.ok(blocked, 'connect-src stops a cross-origin fetch');
  } finally {
    await close();
    server.close();
  }
});
