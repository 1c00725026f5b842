// Trunk post-build hook: adds the Content-Security-Policy meta tag to the
// built index.html. Trunk inlines a small module script (it imports the
// hashed JS glue), so the policy allows exactly that script by its SHA-256,
// and nothing else inline. Run by Trunk with TRUNK_STAGING_DIR set; can also
// be run on a built dist/: `node scripts/csp-hook.mjs dist`.
// The same policy, plus what a meta tag cannot carry, is documented for
// hosts in docs/hosting.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/csp-hook.mjs <dist-dir> (or run as a Trunk hook)');
  process.exit(2);
}
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
if (html.includes('http-equiv="Content-Security-Policy"')) process.exit(0);

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
export const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
// Right after <meta charset>, before anything the policy governs.
html = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1${meta}`);
if (!html.includes(meta)) {
  console.error('csp-hook: no <meta charset> in index.html');
  process.exit(1);
}
fs.writeFileSync(file, html);
