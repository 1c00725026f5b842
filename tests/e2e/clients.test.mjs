// Meeting mode: several clients' assessments on one device (keep, open,
// rename, delete), kept across reloads, wiped by "end meeting".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready } from './browser.mjs';

test('several client assessments on one device', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    const mfa = (v) => `fieldset[data-question="security.mfa"] input[value="${v}"]`;
    const names = () => page.$$eval('#clients .client-name', (els) => els.map((e) => e.textContent));

    await page.fill('#profile-company', 'Alpha Lda');
    await page.press('#profile-company', 'Tab');
    await page.check(mfa('yes'));
    await page.click('#new-client');
    await page.waitForFunction(() => !document.querySelector('fieldset.question input:checked'));
    assert.deepEqual(await names(), ['Alpha Lda']);
    assert.equal(await page.inputValue('#profile-company'), '');

    await page.fill('#profile-company', 'Beta 有限公司');
    await page.press('#profile-company', 'Tab');
    await page.check(mfa('no'));
    // Open Alpha: Beta is kept in the list.
    await page.click('#clients li:has-text("Alpha Lda") button:text("Open")');
    await page.waitForFunction(() => document.querySelector('#profile-company').value === 'Alpha Lda');
    assert.ok(await page.isChecked(mfa('yes')));
    assert.deepEqual(await names(), ['Beta 有限公司']);
    assert.match(await page.textContent('#clients'), /Open now: Alpha Lda/);

    page.once('dialog', (d) => d.accept('Beta renamed'));
    await page.click('#clients li:has-text("Beta") button:text("Rename")');
    await page.waitForFunction(() => document.querySelector('#clients .client-name')?.textContent === 'Beta renamed');

    await page.reload();
    await ready(page);
    assert.deepEqual(await names(), ['Beta renamed'], 'kept after a reload');
    await page.click('#clients li:has-text("Beta renamed") button:text("Open")');
    await page.waitForFunction(() => document.querySelector('#profile-company').value === 'Beta 有限公司');
    assert.ok(await page.isChecked(mfa('no')));

    page.once('dialog', (d) => { assert.match(d.message(), /Delete the assessment of Alpha Lda/); d.accept(); });
    await page.click('#clients li:has-text("Alpha Lda") button:text("Delete")');
    await page.waitForFunction(() => document.querySelectorAll('#clients .client-name').length === 0);

    // End meeting wipes the list too.
    await page.click('#new-client');
    assert.equal((await names()).length, 1);
    page.once('dialog', (d) => d.accept());
    await Promise.all([page.waitForEvent('load'), page.click('#end-meeting')]);
    await ready(page);
    assert.deepEqual(await names(), []);
    assert.equal(await page.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.clients')), null);
  } finally {
    await close();
    server.close();
  }
});
