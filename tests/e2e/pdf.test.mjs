// The PDF report downloaded through the browser in each language, as a
// visitor gets it: company name in its own script, an action planned with
// an owner and a due date, paper size chosen. Read back with poppler. The
// Chinese font is fetched from the site only for a report that needs it,
// and a report needing it while it cannot be fetched says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, serve, ready, answerAll, copyDist } from './browser.mjs';
import { startServer } from './serve.mjs';

const CASES = [
  { lang: 'en', company: 'Harbour View Trading (Macau) Ltd.', slug: 'harbour-view-trading-macau-ltd', title: 'DingTalk compliance self-assessment', owner: 'Ana Lopes (IT)', letter: true },
  { lang: 'zh-Hant', company: '澳門海景貿易有限公司', slug: '澳門海景貿易有限公司', title: '釘釘合規自我評估', owner: '陳大文（資訊科技部）', letter: false },
  { lang: 'pt', company: 'Companhia Comercial Vista do Porto, Lda.', slug: 'companhia-comercial-vista-do-porto-lda', title: 'Autoavaliação de conformidade do DingTalk', owner: 'Departamento Jurídico', letter: false },
];

const squeeze = (s) => s.replace(/\s+/g, '');
const run = (tool, args) => execFileSync(tool, args).toString('utf8');

async function toResults(page, { lang, company }) {
  await page.selectOption('#language', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.fill('#profile-company', company);
  await page.press('#profile-company', 'Tab');
  await answerAll(page, 'no');
  await page.check('fieldset[data-question="security.mfa"] input[value="yes"]');
  const sections = await page.$$eval('nav.sections li button', (b) => b.map((x) => x.textContent.trim()));
  await page.click('#see-results');
  await page.waitForSelector('#results-score', { timeout: 30_000 });
  return sections;
}

for (const c of CASES) {
  test(`a ${c.lang} report downloads with the company, the score, every section and every action`, async () => {
    const { server, url, requests } = await serve();
    const { context, close } = await launch();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await ready(page);
      const sections = await toResults(page, c);
      assert.ok(sections.length >= 10, sections.join('|'));
      const score = (await page.textContent('#results-score')).match(/(\d+)/)[1];
      const actions = await page.$$eval('#action-plan li.action', (li) => li.map((x) => x.getAttribute('data-action')));
      assert.ok(actions.length > 5);
      const actionTexts = await page.$$eval('#action-plan li.action .action-title', (n) => n.map((x) => x.textContent.trim()));
      // Plan the first action, with an owner and a due date.
      const first = actions[0].replace('.', '\\.');
      await page.check(`#plan-${first}-planned`);
      await page.fill(`#plan-${first}-owner`, c.owner);
      await page.press(`#plan-${first}-owner`, 'Tab');
      await page.fill(`#plan-${first}-due`, '2027-03-31');
      if (c.letter) await page.selectOption('#pdf-paper', 'letter');

      await page.click('#download-pdf');
      // Progress is shown while the worker renders.
      const status = await page.textContent('#pdf-status');
      const busy = await page.getAttribute('#download-pdf', 'aria-busy');
      const download = await page.waitForEvent('download', { timeout: 90_000 });
      assert.ok(status.length > 0 || busy === 'true', 'progress is shown');
      const today = new Date();
      const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      assert.equal(download.suggestedFilename(), `dingtalk-assessment-${c.slug}-${iso}.pdf`);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'report.pdf');
      await download.saveAs(file);

      const text = squeeze(run('pdftotext', [file, '-']));
      for (const phrase of [c.title, c.company, `${score}/100`, c.owner, '2027-03-31', ...sections]) {
        assert.ok(text.includes(squeeze(phrase)), `${c.lang}: "${phrase}" is not in the PDF`);
      }
      assert.equal(actionTexts.length, actions.length);
      for (const a of actionTexts) assert.ok(text.includes(squeeze(a)), `${c.lang}: action "${a}" is not in the PDF`);
      const info = run('pdfinfo', [file]);
      assert.match(info, c.letter ? /612 x 792/ : /A4/);
      assert.ok(info.includes(`CreationDate:`) && info.includes(String(today.getFullYear())));
      const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
      assert.ok(pages >= 12 && pages <= 60, `${pages} pages`);
      const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
      assert.ok(fonts.length >= 2);
      for (const row of fonts) assert.match(row, /\+NotoSansTC-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      const size = fs.statSync(file).size;
      assert.ok(size < (c.lang === 'zh-Hant' ? 2 * 1024 * 1024 : 300 * 1024), `${size} bytes`);

      // The Chinese fonts are fetched from the site itself, once, and only
      // for a report that needs them: the content subset for Chinese text,
      // a slice of the common-character set only for typed characters beyond
      // the content (the Chinese owner here has some).
      const fontRequests = requests.filter((r) => r.url.includes('/fonts/')).map((r) => r.url.replace(/^.*\/fonts\//, ''));
      if (c.lang === 'zh-Hant') {
        assert.equal(fontRequests.filter((f) => /^NotoSansTC-Content\.[0-9a-f]{16}\.ttf$/.test(f)).length, 1, fontRequests.join());
        // 陳 of the owner is beyond the content: one slice of the common set.
        const slices = fontRequests.filter((f) => /^NotoSansTC-Common-\d\.[0-9a-f]{16}\.ttf$/.test(f));
        assert.ok(slices.length >= 1 && slices.length <= 3 && new Set(slices).size === slices.length, fontRequests.join());
        assert.equal(fontRequests.length, 1 + slices.length, fontRequests.join());
      } else {
        assert.deepEqual(fontRequests, [], `no font fetched for a ${c.lang} report with a Latin name`);
      }
      assert.match(await page.textContent('#pdf-status'), /\S/);
    } finally {
      await close();
      server.close();
    }
  });
}

test('a report that needs the Chinese font while it cannot be fetched says so and keeps everything', async () => {
  // The font files are unreachable (as when offline before they were ever
  // loaded): a copy of the build without them.
  const dir = copyDist();
  const fontsDir = path.join(dir, 'fonts');
  const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'fonts-'));
  fs.cpSync(fontsDir, kept, { recursive: true });
  fs.rmSync(fontsDir, { recursive: true });
  const { server, url } = await startServer(dir, 0);
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await toResults(page, { lang: 'en', company: '澳門海景貿易有限公司' });
    await page.click('#download-pdf');
    await page.waitForFunction(() => /Chinese font/.test(document.querySelector('#pdf-status').textContent), null, { timeout: 60_000 });
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('dingtalk-macau-assessment.v1')));
    assert.equal(saved.assessment.profile.company_name, '澳門海景貿易有限公司');
    // Once the files are reachable again, the same click works.
    fs.cpSync(kept, fontsDir, { recursive: true });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'report.pdf');
    await download.saveAs(file);
    assert.ok(squeeze(run('pdftotext', [file, '-'])).includes('澳門海景貿易有限公司'));
  } finally {
    await close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(kept, { recursive: true, force: true });
  }
});
