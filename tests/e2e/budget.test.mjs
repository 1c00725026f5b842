// The initial download stays within budget, and the PDF engine is a separate
// file (what a visitor downloads before the first question is interactive:
// index.html, the app's JS, wasm, CSS and icon, plus one language bundle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './browser.mjs';

const BUDGET = 200 * 1024; // gzip bytes
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length;

test('initial payload is within 200 KiB gzip; the report worker is separate', () => {
  const top = fs.readdirSync(DIST).filter((f) => fs.statSync(path.join(DIST, f)).isFile());
  const worker = top.filter((f) => f.startsWith('report-worker'));
  assert.ok(worker.some((f) => f.endsWith('.wasm')), 'the report worker has its own wasm');
  const initial = top.filter((f) => !worker.includes(f) && /\.(html|js|wasm|css|svg)$/.test(f));
  const bundles = fs.readdirSync(path.join(DIST, 'content')).map((f) => path.join('content', f));
  assert.equal(bundles.length, 3, 'one bundle per language');
  const total = initial.reduce((n, f) => n + gz(f), 0) + Math.max(...bundles.map(gz));
  assert.ok(total <= BUDGET, `initial payload ${total} B gzip > ${BUDGET} B`);
  // The app's wasm must not contain the PDF engine.
  const appWasm = initial.find((f) => f.endsWith('.wasm'));
  assert.ok(!fs.readFileSync(path.join(DIST, appWasm)).includes(Buffer.from('printpdf')), 'printpdf linked into the app');
});
