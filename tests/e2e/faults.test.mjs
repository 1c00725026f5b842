// Faults never lose work: a crash shows a recovery screen (not a dead page)
// and leaves the saved answers as they were; unreadable, newer, blocked or
// full storage each get a clear message, keep the raw data and offer it for
// download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, serve, ready } from './browser.mjs';

const SAVE = 'dingtalk-macau-assessment.v1';
const BACKUP = 'dingtalk-macau-assessment.unreadable-backup';

async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return fs.readFileSync(await download.path(), 'utf8');
}

test('a crash shows the recovery screen in the visitor language and keeps the saved answers', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['pt-PT'] }));
    await page.goto(url);
    await ready(page);
    await page.check('fieldset[data-question="security.mfa"] input[value="yes"]');
    const saved = await page.evaluate((k) => localStorage.getItem(k), SAVE);
    assert.ok(saved.includes('security.mfa'));

    // The test-only switch: a real panic in the app once it has loaded.
    await page.goto(`${url}#test-panic`);
    await page.reload(); // a fragment-only change does not reload by itself
    await page.waitForSelector('#recovery', { timeout: 30_000 });
    assert.match(await page.textContent('#recovery h1'), /Algo correu mal/);
    assert.equal(await page.getAttribute('#recovery .notice', 'role'), 'alert');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SAVE), saved, 'the save is untouched');
    assert.equal(await downloaded(page, '#recovery-download'), saved, 'the download is the saved data as stored');

    // Reloading (the link drops the switch) brings the answers back.
    await page.click('#recovery-reload');
    await ready(page);
    assert.ok(await page.isChecked('fieldset[data-question="security.mfa"] input[value="yes"]'));
  } finally {
    await close();
    server.close();
  }
});

test('corrupted saved data: a message, a backup, a download; new answers save normally', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.evaluate((k) => localStorage.setItem(k, '{"format":1,"assessment":{"answers":{"security.mfa":'), SAVE);
    await page.reload();
    await ready(page);
    assert.match(await page.textContent('#storage-notice'), /could not be read/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), '{"format":1,"assessment":{"answers":{"security.mfa":');
    assert.equal(await downloaded(page, '#storage-download'), '{"format":1,"assessment":{"answers":{"security.mfa":');
    // Untouched, the broken data is not overwritten yet.
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SAVE), '{"format":1,"assessment":{"answers":{"security.mfa":');
    await page.check('fieldset[data-question="security.mfa"] input[value="no"]');
    await page.waitForFunction((k) => localStorage.getItem(k).includes('"security.mfa":"no"'), SAVE);
    assert.ok((await page.evaluate((k) => localStorage.getItem(k), BACKUP)).startsWith('{"format":1'), 'the backup stays');
  } finally {
    await close();
    server.close();
  }
});

test('data saved by a newer version is kept untouched and offered for download', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const newer = JSON.stringify({ format: 99, content_version: 7, assessment: { answers: {} }, future: true });
    await page.goto(url);
    await ready(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SAVE, newer]);
    await page.reload();
    await ready(page);
    assert.match(await page.textContent('#storage-notice'), /newer version/);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SAVE), newer);
    assert.equal(await downloaded(page, '#storage-download'), newer);
  } finally {
    await close();
    server.close();
  }
});

test('blocked storage: the app works and says answers will not be kept', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await ready(page);
    assert.match(await page.textContent('#storage-notice'), /does not allow saving/);
    await page.check('fieldset[data-question="security.mfa"] input[value="yes"]');
    assert.match(await page.textContent('#score-value'), /^100 \/ 100$/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
    server.close();
  }
});

test('full storage: the latest state is offered for download, and saving resumes when space returns', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript((key) => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === key && window.__full) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, k, v);
      };
    }, SAVE);
    await page.goto(url);
    await ready(page);
    await page.check('fieldset[data-question="security.mfa"] input[value="yes"]');
    await page.evaluate(() => { window.__full = true; });
    await page.check('fieldset[data-question="security.offboarding"] input[value="no"]');
    assert.match(await page.textContent('#storage-notice'), /could not be saved/);
    const latest = JSON.parse(await downloaded(page, '#storage-download'));
    assert.equal(latest.assessment.answers['security.offboarding'], 'no');
    assert.equal(latest.assessment.answers['security.mfa'], 'yes');
    await page.evaluate(() => { window.__full = false; });
    await page.check('fieldset[data-question="security.offboarding"] input[value="partly"]');
    await page.waitForSelector('#storage-notice', { state: 'detached' });
    assert.ok((await page.evaluate((k) => localStorage.getItem(k), SAVE)).includes('"security.offboarding":"partly"'));
  } finally {
    await close();
    server.close();
  }
});

test('a PDF with characters its fonts cannot show says which ones, and keeps everything', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.fill('#profile-company', 'Rocket <b>Lda</b> 🚀');
    await page.press('#profile-company', 'Tab');
    await page.check('fieldset[data-question="security.mfa"] input[value="no"]');
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    await page.click('#download-pdf');
    await page.waitForFunction(() => /cannot show these characters: 🚀/.test(document.querySelector('#pdf-status').textContent), null, { timeout: 60_000 });
    assert.equal(await page.inputValue('#share-link').then((l) => l.includes('#s1.')), true);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('dingtalk-macau-assessment.v1')));
    assert.equal(saved.assessment.profile.company_name, 'Rocket <b>Lda</b> 🚀');
    // Without the emoji the same report downloads.
    await page.click('#back-to-questions');
    await page.fill('#profile-company', 'Rocket <b>Lda</b>');
    await page.press('#profile-company', 'Tab');
    await page.click('#see-results');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
    assert.match(download.suggestedFilename(), /^dingtalk-assessment-rocket-b-lda-b-\d{4}-\d{2}-\d{2}\.pdf$/);
  } finally {
    await close();
    server.close();
  }
});
