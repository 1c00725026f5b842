// Zero egress, provable: during full journeys (every section, three
// languages, results with edits, PDF downloads, the recovery screen) the
// browser makes no request except GETs of files of the build output, with
// no data in the URL; no cookies; and the Content-Security-Policy is
// enforced with no violation. Embedded in the demo host page (another
// origin), the same holds for the host page, the iframe and its workers:
// GETs of build files or of the host's own files, nothing else, even when
// the visitor consents to events and sends the contact form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, ready, answerAll, hostSetup, widget, DIST, DEMO } from './browser.mjs';

/** Every request is a GET, without query or body, of a file under the
 * directory its origin serves: `roots` maps origins to directories. */
function checkRequests(requests, base, roots = { [new URL(base).origin]: DIST }) {
  assert.ok(requests.length > 5, 'requests were recorded');
  for (const r of requests) {
    if (r.url.startsWith('blob:') || r.url.startsWith('data:')) continue; // local, never leaves the browser
    const u = new URL(r.url);
    assert.ok(u.origin in roots, `request to another origin: ${r.url}`);
    assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
    assert.equal(u.search, '', `data in the query string: ${r.url}`);
    assert.equal(u.hash, '', `a fragment sent: ${r.url}`);
    assert.equal(r.postData, null, `a request body: ${r.url}`);
    const file = path.join(roots[u.origin], decodeURIComponent(u.pathname));
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

test('embedded: the host page, the iframe and its workers make no request but GETs of build or host files', async () => {
  const s = await hostSetup();
  const { context, close } = await launch();
  try {
    const requests = [];
    context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), postData: r.postData() }));
    const page = await context.newPage();
    const console_ = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) console_.push(m.text()); });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(s.hostUrl);
    const { frame } = await widget(page);
    await frame.check('#embed-consent');
    await frame.fill('#profile-company', 'Banco <script>alert(1)</script> Secreto');
    await frame.press('#profile-company', 'Tab');
    await answerAll(frame, 'partly');
    await frame.click('#see-results');
    await frame.waitForSelector('#lead-form', { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), frame.click('#download-pdf')]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    await frame.fill('#lead-name', 'Ana Secreta');
    await frame.fill('#lead-email', 'ana@example.mo');
    await frame.check('#lead-consent');
    await frame.click('#lead-send');
    await page.waitForFunction(() => window.hostEvents.some((e) => e.type === 'lead'));
    await page.waitForTimeout(500);
    checkRequests(requests, s.hostUrl, { [s.hostOrigin]: DEMO, [s.appOrigin]: DIST });
    for (const f of ['host.html', 'embed.js', 'contact.js', 'results-worker_bg.wasm', 'report-worker_bg.wasm', 'bank.']) {
      assert.ok(requests.some((r) => r.url.includes(f)), `no request for ${f} recorded`);
    }
    assert.ok(!requests.some((r) => /Secret|Ana|example\.mo/.test(r.url)), 'no typed text in any address');
    // The host's own policy has no 'wasm-unsafe-eval': the app runs in its frame.
    const hostPolicy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.doesNotMatch(hostPolicy, /wasm-unsafe-eval|unsafe-inline|unsafe-eval/);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation on the host page');
    assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'no CSP violation in the widget');
    assert.deepEqual(console_, [], 'no CSP message in the console');
    assert.deepEqual(await context.cookies(), [], 'no cookies');
  } finally {
    await close();
    s.stop();
  }
});
