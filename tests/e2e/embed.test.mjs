// Embedding (docs/embedding.md): the demo host page (demo/host.html, served
// on localhost) includes the loader from the app's origin (127.0.0.1, another
// origin) under a strict CSP without 'wasm-unsafe-eval'. The loader reserves
// the height, loads lazily and sizes the iframe to its content; options
// apply; the host gets events and a contact request only after consent
// inside the widget; messages from other origins are ignored on both sides;
// standalone, the contact form prepares an email to the configured address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, ready, answerAll, hostSetup, widget, DIST, THIRD_PARTY_STORAGE } from './browser.mjs';
import { startServer } from './serve.mjs';

const until = async (f, what, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
// The top page's record of layout shifts and of the messages it receives.
const record = () => {
  if (window.top !== window) return;
  window.__shifts = [];
  new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
  window.__msgs = [];
  addEventListener('message', (e) => window.__msgs.push({ type: e.data?.type, origin: e.origin }));
};
const fits = async (handle, frame) => {
  const outer = await handle.evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return Math.abs(outer - inner) <= 1;
};

test('the loader reserves the height, loads lazily, follows the content height and applies the options', async () => {
  const s = await hostSetup({
    edit: (h) => h.replace('data-lang="en"', 'data-lang="pt" data-compact').replace('<div class="columns">', '<div class="spacer"></div><div class="columns">'),
  });
  const { context, close } = await launch({ args: THIRD_PARTY_STORAGE });
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.addInitScript(record);
    await page.goto(s.hostUrl);
    // Reserved by the loader while the page was parsed, before any iframe.
    const box = page.locator('.dtma-embed');
    assert.equal(await box.evaluate((b) => b.getBoundingClientRect().height), 900);
    // Lazy: far below the viewport, nothing is loaded from the app.
    await page.waitForTimeout(800);
    assert.equal(await page.locator('.dtma-embed iframe').count(), 0, 'no iframe while far from the viewport');
    assert.ok(!s.app.requests.some((r) => r.url === '/'), 'the app was not requested yet');
    assert.ok(await page.evaluate(() => document.activeElement === document.body), 'nothing has focus');

    await box.scrollIntoViewIfNeeded();
    const handle = await page.waitForSelector('.dtma-embed iframe');
    assert.equal(await handle.evaluate((f) => f.getBoundingClientRect().height), 900, 'the iframe takes the reserved height');
    assert.equal(await handle.getAttribute('title'), 'Autoavaliação de conformidade do DingTalk para Macau');
    const { frame } = await widget(page);
    // It grows to its content: no scrollbar inside, no layout shift on the host.
    await until(async () => (await handle.evaluate((f) => f.getBoundingClientRect().height)) > 1500, 'the iframe grows');
    await until(() => fits(handle, frame), 'the iframe height is the content height');
    const inner = await frame.evaluate(() => ({
      overflow: getComputedStyle(document.documentElement).overflow,
      scroll: document.documentElement.scrollHeight - innerHeight,
    }));
    assert.equal(inner.overflow, 'hidden');
    assert.ok(inner.scroll <= 1, `no inner vertical scroll (${inner.scroll} px)`);
    assert.deepEqual(await page.evaluate(() => window.__shifts.filter((v) => v > 0)), [], 'no layout shift');
    assert.ok(await page.evaluate(() => document.activeElement === document.body), 'loading the widget took no focus');
    // More content (Hong Kong sections): the iframe follows.
    const before = await handle.evaluate((f) => f.getBoundingClientRect().height);
    await frame.check('#profile-hk');
    await until(async () => (await handle.evaluate((f) => f.getBoundingClientRect().height)) > before, 'the iframe grows with content');
    await until(() => fits(handle, frame), 'the height follows the content');

    // Options: language, brand colour, compact mode.
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'pt');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')).color), 'rgb(122, 31, 92)');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('#see-results')).backgroundColor), 'rgb(122, 31, 92)');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('.tagline')).display), 'none', 'compact');
    // The storage caveat, where saving is offered; and it is true: the
    // widget's save is kept for this host site only.
    assert.match(await frame.textContent('#embed-storage'), /só para este sítio/);
    assert.match(await frame.textContent('#embed-storage'), new RegExp(s.hostOrigin.replace(/[.]/g, '\\.')));
    const own = await context.newPage();
    await own.goto(s.app.url);
    await ready(own);
    assert.equal(await own.isChecked('#profile-hk'), false, 'not seen on the app\'s own site');
    await own.close();

    // Tab order: from the host's link into the widget, and back out.
    await page.focus('a[href="#log-title"]');
    await page.keyboard.press('Tab');
    await until(async () => (await page.evaluate(() => document.activeElement.tagName)) === 'IFRAME', 'focus enters the iframe');
    await until(async () => (await frame.evaluate(() => document.activeElement.id)) === 'language', 'on its first control');
    await page.keyboard.press('Shift+Tab');
    await until(async () => (await page.evaluate(() => document.activeElement.getAttribute('href'))) === '#log-title', 'and leaves it');

    // The call to action after the results.
    await answerAll(frame);
    await frame.click('#see-results');
    const cta = await frame.waitForSelector('#embed-cta', { timeout: 30_000 });
    assert.equal(await cta.textContent(), 'Book a free 30-minute review');
    assert.equal(await cta.getAttribute('href'), 'https://example.com/book?from=assessment');
    assert.equal(await cta.getAttribute('rel'), 'noopener');
    assert.equal(await cta.getAttribute('target'), '_blank');
    await until(() => fits(handle, frame), 'the results fit');
    // Back on this host site, the widget has kept the answers.
    await page.reload();
    await page.locator('.dtma-embed').scrollIntoViewIfNeeded();
    const again = await widget(page);
    assert.ok(await again.frame.isChecked('#profile-hk'), 'kept for this host site');
  } finally {
    await close();
    s.stop();
  }
});

test('the host receives events and a contact request only after consent, with nothing else', async () => {
  const s = await hostSetup();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(record);
    await page.goto(s.hostUrl);
    const { frame } = await widget(page);
    const events = () => page.evaluate(() => window.hostEvents);
    const consent = await frame.waitForSelector('#embed-consent');
    assert.equal(await consent.isChecked(), false, 'unticked by default');
    const text = await frame.textContent('.embed-consent');
    assert.ok(text.includes(`Acme Advisory Lda (${s.hostOrigin})`), text);
    assert.match(text, /never my answers/);
    // This Chromium blocks third-party storage: the app's notice says so, not the partition note.
    assert.equal(await frame.locator('#embed-storage').count(), 0);
    await frame.waitForSelector('#storage-notice');

    // Without consent: a full journey sends nothing.
    await answerAll(frame);
    await frame.click('#see-results');
    await frame.waitForSelector('#results-score', { timeout: 30_000 });
    await frame.waitForSelector('#lead-form');
    await page.waitForTimeout(500);
    assert.deepEqual(await events(), []);
    assert.deepEqual(await page.evaluate(() => window.__msgs.filter((m) => m.type !== 'dtma:height')), [], 'no message but heights');

    // With consent: started, then completed with the band only.
    await frame.check('#embed-consent');
    await until(async () => (await events()).length >= 2, 'two events');
    assert.deepEqual(await events(), [{ type: 'started' }, { type: 'completed', band: 'low' }]);

    // The contact form: refused consent sends nothing.
    const hostile = '<img src=x onerror=alert(1)> 李小龍 🐉 \u202Eevil\u202C';
    assert.match(await frame.textContent('#lead-consent-text'), new RegExp(`Acme Advisory Lda \\(${s.hostOrigin.replace(/[.]/g, '\\.')}\\)`));
    assert.match(await frame.textContent('#lead-consent-text'), /overall score \d+ \/ 100, maturity \w+, \d+ critical gaps/);
    await frame.fill('#lead-name', hostile);
    await frame.fill('#lead-company', 'Banco "Macau" & Cia');
    await frame.fill('#lead-email', 'not-an-address');
    await frame.click('#lead-send');
    assert.equal(await frame.textContent('#lead-email-error'), 'Enter a valid email address, such as name@example.com.');
    assert.match(await frame.textContent('#lead-consent-error'), /Tick the box/);
    assert.equal(await frame.evaluate(() => document.activeElement.id), 'lead-email', 'focus on the first problem');
    await frame.fill('#lead-email', 'ana@example.mo');
    await frame.click('#lead-send');
    assert.equal(await frame.locator('#lead-email-error').count(), 0);
    assert.equal(await frame.evaluate(() => document.activeElement.id), 'lead-consent');
    await page.waitForTimeout(300);
    assert.equal((await events()).length, 2, 'no contact request without consent');
    // Given: exactly the fields and the summary.
    await frame.check('#lead-consent');
    await frame.selectOption('#lead-language', 'zh-Hant');
    await frame.click('#lead-send');
    await until(async () => (await events()).length === 3, 'the contact request');
    const lead = (await events())[2];
    const score = Number((await frame.textContent('#results-score')).match(/\d+/)[0]);
    const critical = await frame.locator('#critical-gaps li').count();
    assert.deepEqual(lead, {
      type: 'lead',
      contact: { name: '<img src=x onerror=alert(1)> 李小龍 🐉 evil', company: 'Banco "Macau" & Cia', email: 'ana@example.mo', phone: '', language: 'zh-Hant' },
      summary: { score, maturity: lead.summary.maturity, criticalGaps: critical },
    });
    assert.ok(lead.summary.maturity.length > 0);
    await frame.waitForFunction(() => /Sent to Acme Advisory Lda/.test(document.querySelector('#lead-status').textContent));
    // The host shows it as text.
    assert.equal(await page.locator('#log img').count(), 0);
    assert.ok((await page.textContent('#log')).includes('<img src=x onerror=alert(1)>'));
    // Unticking stops the events.
    await frame.uncheck('#embed-consent');
    await frame.click('#back-to-questions');
    await answerAll(frame, 'yes');
    await frame.click('#see-results');
    await frame.waitForSelector('#results-score', { timeout: 30_000 });
    await page.waitForTimeout(500);
    assert.equal((await events()).length, 3);
  } finally {
    await close();
    s.stop();
  }
});

test('messages from other origins or windows are ignored by the loader and by the frame', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rogue-'));
  fs.writeFileSync(path.join(dir, 'rogue.html'), `<!doctype html><title>rogue</title><script>
    parent.postMessage({ type: 'dtma:height', height: 7 }, '*');
    parent.postMessage({ type: 'dtma:event', detail: { type: 'completed', band: 'high' } }, '*');
    parent.frames[0].postMessage({ type: 'dtma:hello' }, '*');
    document.title = 'sent';
  </script>`);
  const third = await startServer(dir, 0);
  const s = await hostSetup({ frameSrc: new URL(third.url).origin });
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(record);
    await page.goto(s.hostUrl);
    const { handle, frame } = await widget(page);
    await until(() => fits(handle, frame), 'sized');
    await page.waitForTimeout(500);
    const heights = () => page.evaluate((o) => window.__msgs.filter((m) => m.type === 'dtma:height' && m.origin === o).length, s.appOrigin);
    const h = await handle.evaluate((f) => f.style.height);
    const n = await heights();
    // A third origin's frame on the host page.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, `${third.url}rogue.html`);
    await until(async () => (await page.frame({ url: /rogue\.html/ })?.title()) === 'sent', 'the rogue frame posted');
    // The host page itself, and the app's frame to itself.
    await page.evaluate(() => window.postMessage({ type: 'dtma:height', height: 7 }, '*'));
    await frame.evaluate(() => window.postMessage({ type: 'dtma:hello' }, '*'));
    await page.waitForTimeout(800);
    assert.equal(await handle.evaluate((f) => f.style.height), h, 'the loader kept the height');
    assert.deepEqual(await page.evaluate(() => window.hostEvents), [], 'the loader dispatched no event');
    assert.equal(await heights(), n, 'the frame answered no foreign hello');
    // The real parent's hello is answered (so the check above can fail).
    await handle.evaluate((f) => f.contentWindow.postMessage({ type: 'dtma:hello' }, '*'));
    await until(async () => (await heights()) === n + 1, 'the parent is answered');

    // A frame told another parent origin than its real one does not embed:
    // no consent box, no options.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'liar';
      f.src = src;
      document.body.append(f);
    }, `${s.appOrigin}/#embed=1&origin=${encodeURIComponent('https://evil.example')}&compact=1&brand=%23000000`);
    const liar = await (await page.waitForSelector('#liar')).contentFrame();
    await ready(liar);
    assert.equal(await liar.evaluate(() => document.documentElement.className), '');
    assert.equal(await liar.evaluate(() => window.dtma.origin), undefined);
    assert.equal(await liar.locator('#embed-consent').count(), 0);
  } finally {
    await close();
    s.stop();
    third.server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a brand colour too light to read, or not #rrggbb, is not applied', async () => {
  for (const brand of ['#ffee00', 'red', '#12345']) {
    const s = await hostSetup({ edit: (h) => h.replace('data-brand="#7a1f5c"', `data-brand="${brand}"`) });
    const { context, close } = await launch();
    try {
      const page = await context.newPage();
      await page.goto(s.hostUrl);
      const { frame } = await widget(page);
      assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')).color), 'rgb(11, 92, 158)', brand);
    } finally {
      await close();
      s.stop();
    }
  }
});

test('standalone, the contact form prepares an email to the configured address, and only with consent', async () => {
  const s = await hostSetup({ appRewrite: (p, h) => h.replace('<meta charset=utf-8>', '<meta charset=utf-8><meta name=lead-mailto content=sales@example.com>') });
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(s.app.url);
    await ready(page);
    assert.equal(await page.locator('#embed-consent').count(), 0, 'no events when not embedded');
    await answerAll(page);
    await page.click('#see-results');
    await page.waitForSelector('#lead-form', { timeout: 30_000 });
    assert.equal(await page.locator('#embed-cta').count(), 0);
    assert.match(await page.textContent('#lead-consent-text'), /Prepare an email to sales@example\.com/);
    await page.fill('#lead-name', '李小龍 🐉');
    await page.fill('#lead-company', 'Banco & <b>Lda</b>');
    await page.fill('#lead-phone', '+853 2888 1234');
    await page.click('#lead-send');
    assert.equal(await page.locator('#lead-mailto').count(), 0, 'nothing without consent');
    await page.fill('#lead-phone', '12');
    await page.check('#lead-consent');
    // Lengths are bounded even past the fields' maxlength.
    await page.$eval('#lead-company', (i) => i.removeAttribute('maxlength'));
    await page.fill('#lead-company', '銀'.repeat(201));
    await page.click('#lead-send');
    assert.match(await page.textContent('#lead-phone-error'), /6 to 20 digits/);
    assert.equal(await page.textContent('#lead-company-error'), 'Use at most 200 characters.');
    await page.fill('#lead-company', 'Banco & <b>Lda</b>');
    assert.equal(await page.locator('#lead-mailto').count(), 0);
    await page.fill('#lead-phone', '+853 2888 1234');
    await page.click('#lead-send');
    const link = await (await page.waitForSelector('#lead-mailto')).getAttribute('href');
    const u = new URL(link);
    assert.equal(u.protocol, 'mailto:');
    assert.equal(u.pathname, 'sales@example.com');
    assert.equal(u.searchParams.get('subject'), 'Contact request: DingTalk compliance self-assessment for Macau');
    const body = u.searchParams.get('body');
    const score = (await page.textContent('#results-score')).match(/\d+/)[0];
    for (const line of ['Name: 李小龍 🐉', 'Company: Banco & <b>Lda</b>', 'Email: \r\n', 'Phone: +853 2888 1234', 'Preferred language: English',
      `Results: overall score ${score} / 100, maturity `]) {
      assert.ok(body.includes(line), `${JSON.stringify(line)} in ${JSON.stringify(body)}`);
    }
    // The app's own requests were only GETs of files (the email is the visitor's to send).
    assert.ok(s.app.requests.every((r) => r.method === 'GET' && !r.url.includes('?')));

    // Without a configured address the form says so and has nothing to send.
    const plain = await startServer(DIST, 0);
    try {
      const p2 = await context.newPage();
      await p2.goto(plain.url);
      await ready(p2);
      await answerAll(p2);
      await p2.click('#see-results');
      await p2.waitForSelector('#lead-none', { timeout: 30_000 });
      assert.match(await p2.textContent('#lead-none'), /no recipient/);
      assert.equal(await p2.locator('#lead-form').count(), 0);
    } finally {
      plain.server.close();
    }
  } finally {
    await close();
    s.stop();
  }
});
