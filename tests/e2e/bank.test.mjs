// The whole question bank is asked in each language, conditional sections
// follow the profile, and a complete assessment scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready } from './browser.mjs';

for (const [tag, word] of [['en', 'Personal Data'], ['zh-Hant', '個人資料'], ['pt', 'Dados Pessoais']]) {
  test(`the whole bank can be answered in ${tag}`, async () => {
    const { server, url } = await serve();
    const { context, close } = await launch();
    try {
      const page = await context.newPage();
      await page.addInitScript((t) => Object.defineProperty(navigator, 'languages', { get: () => [t] }), tag);
      await page.goto(url);
      await ready(page);
      assert.equal(await page.getAttribute('html', 'lang'), tag);
      const base = await page.locator('fieldset.question').count();
      assert.ok(!(await page.isVisible('[data-question^="csl."]')), 'CSL section hidden without the profile flag');
      for (const id of ['#profile-hk', '#profile-eu', '#profile-ciio']) await page.check(id);
      await page.waitForSelector('[data-question^="csl."]');
      const all = await page.locator('fieldset.question').count();
      assert.ok(all > base && all >= 60, `${all} questions with every condition (${base} without)`);
      assert.ok((await page.textContent('main')).includes(word));
      // Answer every question "Don't know": always offered, for every kind.
      const ids = await page.$$eval('fieldset.question', (fs) => fs.map((f) => f.dataset.question));
      for (const id of ids) await page.check(`fieldset[data-question="${id}"] input[value="dont-know"]`);
      const answered = await page.textContent('.score-answered');
      assert.ok(answered.includes(String(all)), answered);
      assert.match(await page.textContent('#score-value'), /^0 \/ 100$/);
      // Empty texts would show as blank legends.
      const blank = await page.$$eval('fieldset.question legend', (ls) => ls.filter((l) => !l.textContent.trim()).length);
      assert.equal(blank, 0);
    } finally {
      await close();
      server.close();
    }
  });
}
