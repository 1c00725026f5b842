// Benchmark (not a test): prints payload sizes and medians of timings
// measured in headless Chromium against the release build in dist/.
//   node scripts/bench.mjs [runs=7]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, serve, ready, DIST } from '../tests/e2e/browser.mjs';

const runs = Math.max(5, Number(process.argv[2] || 7));
const kib = (n) => (n / 1024).toFixed(1).padStart(7) + ' KiB';
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// Initial payload: index.html and what it references (app JS, wasm, CSS, icon,
// the service worker's registration script); the workers' files are fetched
// on demand, and sw.js only after the page's load event.
const files = fs.readdirSync(DIST).filter((f) => fs.statSync(path.join(DIST, f)).isFile());
const lazy = files.filter((f) => f.startsWith('report-worker'));
const results = files.filter((f) => f.startsWith('results-worker'));
// Loaded later or elsewhere: embed.js runs on host pages; contact.js loads
// with the results (at once only when embedded), as in the budget test.
const onDemand = ['embed.js', 'contact.js'].filter((f) => files.includes(f));
const later = [...lazy, ...results, 'sw.js', ...onDemand];
const initial = files.filter((f) => !later.includes(f) && /\.(html|js|wasm|css|svg)$/.test(f));
function table(title, list) {
  let t = { raw: 0, gz: 0, br: 0 };
  console.log(`\n${title}`);
  for (const f of list) {
    const b = fs.readFileSync(path.join(DIST, f));
    const row = { raw: b.length, gz: gz(b), br: br(b) };
    t = { raw: t.raw + row.raw, gz: t.gz + row.gz, br: t.br + row.br };
    console.log(`  ${f.padEnd(44)} raw ${kib(row.raw)}  gzip ${kib(row.gz)}  brotli ${kib(row.br)}`);
  }
  console.log(`  ${'TOTAL'.padEnd(44)} raw ${kib(t.raw)}  gzip ${kib(t.gz)}  brotli ${kib(t.br)}`);
  return t;
}
const init = table('App files (HTML + JS + wasm + CSS + icon)', initial);
const bundles = fs.readdirSync(path.join(DIST, 'content')).map((f) => 'content/' + f);
const bundle = table('Language bundles (the app fetches exactly one at start)', bundles);
const largest = Math.max(...bundles.map((f) => gz(fs.readFileSync(path.join(DIST, f)))));
table('Results worker, fetched when the results are first wanted', results);
table('Embedding: the host pages\' loader, and the contact form (with the results, or at once when embedded)', onDemand);
table('Report generator, fetched on the results screen', lazy);
table('Report fonts, fetched by the report worker only when a report needs them', fs.readdirSync(path.join(DIST, 'fonts')).filter((f) => f.endsWith('.ttf')).map((f) => 'fonts/' + f));

const { server, url } = await serve();
const interactive = [];
const pdf = [];
const pdfZhCold = [];
const pdfZhWarm = [];
const resultsShown = [];
for (let i = 0; i < runs; i++) {
  const { context, close } = await launch();
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  interactive.push(await page.evaluate(() => performance.now()));
  await page.check('fieldset[data-question="security.mfa"] input[value="yes"]');
  const r0 = Date.now();
  await page.click('#see-results');
  await page.waitForSelector('#results-score', { timeout: 60_000 });
  resultsShown.push(Date.now() - r0);
  await page.waitForSelector('#download-pdf');
  const t0 = Date.now();
  await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
  pdf.push(Date.now() - t0);
  // Chinese: the first report fetches the content font; the second has it.
  await page.selectOption('#language', 'zh-Hant');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  await page.waitForSelector('#results-score', { timeout: 60_000 });
  for (const list of [pdfZhCold, pdfZhWarm]) {
    const t = Date.now();
    await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-pdf')]);
    list.push(Date.now() - t);
  }
  await close();
}
server.close();
console.log(`\nHeadless Chromium, localhost, ${runs} runs, fresh profile each (cold cache):`);
console.log(`  navigation start -> first question interactive: median ${median(interactive).toFixed(0)} ms  (all: ${interactive.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  click "See your results" -> results shown (results worker fetched, cold): median ${median(resultsShown)} ms  (all: ${resultsShown.join(', ')})`);
console.log(`  click "Download PDF" -> download (worker prefetched on the results screen): median ${median(pdf)} ms  (all: ${pdf.join(', ')})`);
console.log(`  the same in Chinese, first report (content font fetched): median ${median(pdfZhCold)} ms  (all: ${pdfZhCold.join(', ')})`);
console.log(`  the same in Chinese, next report: median ${median(pdfZhWarm)} ms  (all: ${pdfZhWarm.join(', ')})`);
const total = init.gz + largest;
console.log(`\ninitial payload, gzip: app files ${(init.gz / 1024).toFixed(1)} KiB + largest language bundle ${(largest / 1024).toFixed(1)} KiB = ${(total / 1024).toFixed(1)} KiB (${(total / 1000).toFixed(1)} kB); budget 240 KiB (tests/e2e/budget.test.mjs): ${total <= 240 * 1024 ? 'within' : 'OVER'}`);
