// Share links: the answers travel in the URL fragment (never sent to the
// server), open in a fresh browser, come with a QR code; damaged links and
// links over existing work change nothing without consent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready } from './browser.mjs';

test('a share link continues the assessment in another browser', async () => {
  const { server, url, requests } = await serve();
  const a = await launch();
  const b = await launch();
  try {
    const page = await a.context.newPage();
    await page.goto(url);
    await ready(page);
    await page.check('#profile-eu');
    await page.fill('#profile-company', 'Secret Company Lda');
    await page.press('#profile-company', 'Tab');
    await page.$$eval('fieldset.question', (sets) => sets.forEach((f, i) => (f.querySelector(i % 2 ? 'input[value="no"]' : 'input[value="dont-know"]') || f.querySelector('input[value="dont-know"]')).click()));
    const answered = await page.locator('fieldset.question input:checked').count();
    await page.click('#see-results');
    await page.waitForSelector('#share-qr path', { timeout: 30_000 });
    const link = await page.inputValue('#share-link');
    assert.ok(link.startsWith(`${url}#s1.`), link);
    assert.ok(link.length < url.length + 200, `compact: ${link.length} characters`);
    assert.ok(!link.includes('Secret'), 'the company name is not in the link');
    assert.match(await page.getAttribute('#share-qr', 'aria-label'), /QR code/);

    const p2 = await b.context.newPage();
    await p2.goto(link);
    await ready(p2);
    await p2.waitForFunction(() => /Opened from a shared link/.test(document.querySelector('#data-status').textContent));
    assert.equal(await p2.locator('fieldset.question input:checked').count(), answered);
    assert.ok(await p2.isChecked('#profile-eu'));
    assert.equal(await p2.evaluate(() => location.hash), '', 'the fragment is removed after reading');
    await p2.reload();
    await ready(p2);
    assert.equal(await p2.locator('fieldset.question input:checked').count(), answered, 'kept after a reload');

    // Over existing work the link asks first; declining keeps the work.
    const before = await p2.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1'));
    await p2.check('fieldset[data-question="security.mfa"] input[value="yes"]');
    const mine = await p2.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1'));
    assert.notEqual(mine, before);
    p2.once('dialog', (d) => d.dismiss());
    await p2.goto(link);
    await p2.reload();
    await ready(p2);
    await p2.waitForTimeout(300);
    assert.equal(await p2.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1')), mine);

    // A damaged link changes nothing and says so.
    await p2.goto(`${url}#s1.A`);
    await p2.reload();
    await ready(p2);
    await p2.waitForFunction(() => /damaged or incomplete/.test(document.querySelector('#data-status').textContent));
    assert.equal(await p2.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1')), mine);

    // The server never saw the answers.
    assert.ok(!requests.some((r) => r.url.includes('s1.')), 'a fragment reached the server');
  } finally {
    await a.close();
    await b.close();
    server.close();
  }
});
