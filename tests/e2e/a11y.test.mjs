// axe-core (WCAG 2.0–2.2 A/AA rules) on every screen, in every language, in
// light and dark themes. Any violation fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, ready, answerAll, hostSetup, widget } from './browser.mjs';

const AXE = fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function violations(page) {
  await page.evaluate(AXE); // evaluated by the driver: the page's CSP allows no injected script tag
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
  });
}

test('no axe violations on the questionnaire and the results, in every language and theme', async () => {
  const { server, url } = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    for (const tag of ['en', 'zh-Hant', 'pt']) {
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        await ready(page);
        await page.selectOption('#language', tag);
        await page.waitForFunction((t) => document.documentElement.lang === t, tag);
        await page.check('#profile-hk');
        await page.fill('fieldset.question input[type=text]', 'abc'); // shows an inline error too
        assert.deepEqual(await violations(page), [], `${tag} ${scheme} questionnaire`);
        // Results with every part showing: scores, critical gaps, the plan
        // with one action planned (planned tables), an open "how", an
        // assumption error.
        await answerAll(page);
        await page.click('#see-results');
        await page.waitForSelector('#results-score', { timeout: 30_000 });
        await page.locator('#action-plan li.action input[type=checkbox]').first().check();
        await page.waitForSelector('#exposure-planned');
        await page.click('.summary details.how summary');
        await page.fill('#assumption-p-enforcement', '500');
        await page.waitForSelector('#assumption-p-enforcement-error');
        assert.deepEqual(await violations(page), [], `${tag} ${scheme} results`);
        await page.evaluate(() => localStorage.clear());
        await page.click('#back-to-questions');
      }
    }
  } finally {
    await close();
    server.close();
  }
});

test('no axe violations in the contact form (with its errors) and the embedded widget, in both themes', async () => {
  const s = await hostSetup({ appRewrite: (p, h) => h.replace('<meta charset=utf-8>', '<meta charset=utf-8><meta name=lead-mailto content=sales@example.com>') });
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      // Standalone: the form with every kind of message showing.
      await page.goto(s.app.url);
      await ready(page);
      await answerAll(page);
      await page.click('#see-results');
      await page.waitForSelector('#lead-form', { timeout: 30_000 });
      await page.fill('#lead-email', 'not-an-address');
      await page.fill('#lead-phone', '12');
      await page.click('#lead-send');
      await page.waitForSelector('#lead-consent-error');
      assert.deepEqual(await violations(page), [], `${scheme} contact form with errors`);
      await page.check('#lead-consent');
      await page.fill('#lead-email', 'ana@example.mo');
      await page.fill('#lead-phone', '');
      await page.click('#lead-send');
      await page.waitForSelector('#lead-mailto');
      assert.deepEqual(await violations(page), [], `${scheme} contact form sent`);
      await page.evaluate(() => localStorage.clear());
      // Embedded (brand colour, consent box, storage note, call to action).
      await page.goto(s.hostUrl);
      const { frame } = await widget(page);
      assert.deepEqual(await violations(frame), [], `${scheme} embedded questionnaire`);
      assert.deepEqual(await violations(page), [], `${scheme} demo host page`);
      await answerAll(frame);
      await frame.click('#see-results');
      await frame.waitForSelector('#lead-form', { timeout: 30_000 });
      await frame.click('#lead-send');
      await frame.waitForSelector('#lead-email-error');
      assert.deepEqual(await violations(frame), [], `${scheme} embedded results and contact form`);
    }
  } finally {
    await close();
    s.stop();
  }
});
