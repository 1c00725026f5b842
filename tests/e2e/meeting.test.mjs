// Sales-meeting helpers: the presenter view (large type, high contrast,
// remembered, accessible), keyboard shortcuts that never fire while typing,
// and "end meeting", which wipes everything the app stored on the device.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, ready } from './browser.mjs';

const AXE = fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../node_modules/axe-core/axe.min.js'), 'utf8');
async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }))
    .violations.map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`));
}

test('presenter view and shortcuts', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    const isOn = () => page.evaluate(() => document.documentElement.classList.contains('presenter'));
    // Typing a P in a field is text, not a shortcut.
    await page.fill('#profile-company', '');
    await page.type('#profile-company', 'Pp');
    assert.equal(await isOn(), false);
    await page.locator('h1').click();
    await page.keyboard.press('p');
    assert.equal(await isOn(), true);
    assert.equal(await page.getAttribute('#presenter', 'aria-pressed'), 'true');
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(size >= 20, `large type: ${size}px`);
    await page.check('fieldset[data-question="security.mfa"] input[value="no"]');
    await page.locator('h1').click();
    await page.keyboard.press('r');
    await page.waitForSelector('#results-score', { timeout: 30_000 });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await violations(page), [], `presenter ${scheme}`);
    }
    await page.keyboard.press('q');
    await page.waitForSelector('fieldset.question');
    await page.reload();
    await ready(page);
    assert.equal(await isOn(), true, 'remembered on this device');
    await page.click('#presenter');
    assert.equal(await isOn(), false);
  } finally {
    await close();
    server.close();
  }
});

test('end meeting wipes everything the app stored, after a confirmation', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.fill('#profile-company', 'Client A');
    await page.press('#profile-company', 'Tab');
    await page.check('fieldset[data-question="security.mfa"] input[value="no"]');
    await page.selectOption('#language', 'pt');
    await page.waitForFunction(() => document.documentElement.lang === 'pt');
    await page.click('#presenter');
    await page.evaluate(() => localStorage.setItem('dingtalk-macau-assessment.unreadable-backup', '{"old":1}'));
    page.once('dialog', (d) => d.dismiss());
    await page.click('#end-meeting');
    assert.equal(await page.inputValue('#profile-company'), 'Client A', 'declined: nothing happens');
    page.once('dialog', (d) => d.accept());
    await Promise.all([page.waitForEvent('load'), page.click('#end-meeting')]);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language follows the browser again');
    assert.equal(await page.locator('fieldset.question input:checked').count(), 0);
    assert.equal(await page.inputValue('#profile-company'), '');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(!keys.includes('dingtalk-macau-assessment.unreadable-backup'), `left behind: ${keys}`);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('presenter')), false);
  } finally {
    await close();
    server.close();
  }
});
