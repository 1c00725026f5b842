// Meeting mode: several clients' assessments on one device (keep, open,
// rename, delete), kept across reloads, wiped by "end meeting".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready, answerAll } from './browser.mjs';

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
    // Renaming renamed the client's company, so the name stays when it is kept again.
    await page.waitForFunction(() => document.querySelector('#profile-company').value === 'Beta renamed');
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

test('a reassessment compared with the earlier one: deltas per area, closed and new gaps', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.fill('#profile-company', 'Gamma 2025');
    await page.press('#profile-company', 'Tab');
    await answerAll(page);
    const exported = await page.evaluate(() => localStorage.getItem('dingtalk-macau-assessment.v1'));
    await page.click('#new-client');
    // The reassessment: the same answers, except MFA is now in place.
    const file = `/tmp/reassess-${Date.now()}.json`;
    (await import('node:fs')).writeFileSync(file, exported.replace('"security.mfa":"no"', '"security.mfa":"yes"').replace('Gamma 2025', 'Gamma 2026'));
    await page.setInputFiles('#import-json', file);
    await page.waitForFunction(() => document.querySelector('#profile-company').value === 'Gamma 2026');
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    await page.selectOption('#compare', { label: 'Gamma 2025' });
    await page.waitForSelector('#comparison');
    const overall = await page.$$eval('#comparison tbody tr:first-child td', (tds) => tds.map((t) => t.textContent));
    assert.ok(Number(overall[1]) > Number(overall[0]) && overall[2].startsWith('+'), overall.join(' | '));
    assert.match(await page.textContent('#compare-resolved'), /multi-factor/);
    assert.equal(await page.locator('#compare-new li').count(), 0);
  } finally {
    await close();
    server.close();
  }
});
