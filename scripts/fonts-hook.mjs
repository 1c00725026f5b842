// Trunk post-build step: copies the PDF report's fetched fonts (the content
// subset and the common-character slices) into the build
// as fonts/<name>.<first 16 hex digits of their SHA-256>.ttf (the same names
// crates/report/build.rs compiles into the report worker), with the font
// licence as fonts/OFL.txt. The report worker fetches them from its own
// origin only when a report needs them (a Chinese report, or Chinese typed
// text); they are never part of the initial download.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!dir) {
  console.error('usage: node scripts/fonts-hook.mjs <dist-dir> (or run as a Trunk hook)');
  process.exit(2);
}
const src = path.join(root, 'crates/report/fonts');
const out = path.join(dir, 'fonts');
fs.mkdirSync(out, { recursive: true });
const fetched = fs.readdirSync(src).filter((f) => /^NotoSansTC-(Content|Common-\d+)\.ttf$/.test(f)).map((f) => f.slice(0, -4));
if (!fetched.includes('NotoSansTC-Content')) {
  console.error('fonts-hook: crates/report/fonts lacks NotoSansTC-Content.ttf (run scripts/fonts.sh)');
  process.exit(1);
}
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const name of fetched) {
  const bytes = fs.readFileSync(path.join(src, `${name}.ttf`));
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  fs.writeFileSync(path.join(out, `${name}.${hash}.ttf`), bytes);
}
fs.copyFileSync(path.join(src, 'OFL.txt'), path.join(out, 'OFL.txt'));
