// Shared helpers for the end-to-end tests: Debian's Chromium through
// playwright-core (which cannot download browsers here), a fresh profile per
// launch, and the release build served on 127.0.0.1.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from './serve.mjs';

export const DIST = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');

/** Chromium's flags that keep third-party storage allowed (partitioned), as
 * in most browsers today; this Chromium blocks it by default. */
export const THIRD_PARTY_STORAGE = ['--disable-features=TrackingProtection3pcd,ThirdPartyCookieDeprecationTrial,BlockThirdPartyCookies'];

export async function launch({ args = [] } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', ...args],
  });
  return { context, close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

/** A private copy of dist/ (for tests that change the build's files). */
export function copyDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  return dir;
}

export async function serve() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run scripts/build.sh first');
  return startServer(DIST, 0);
}

/** Text of a PDF file, whitespace collapsed (poppler's pdftotext). */
export function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

/** Waits until the Yew app has rendered its first question. */
export async function ready(page) {
  await page.waitForSelector('fieldset.question input', { timeout: 30_000 });
}

/** Answers every shown question `value` (default No) where offered, else Don't know. */
export async function answerAll(page, value = 'no') {
  await page.$$eval('fieldset.question', (sets, v) => sets.forEach((f) =>
    (f.querySelector(`input[value="${v}"]`) || f.querySelector('input[value="dont-know"]')).click()), value);
}

export const DEMO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../demo');

/** The release build on 127.0.0.1 and the demo host page (demo/host.html) on
 * localhost: two origins. `edit(html)` changes the host page as served (its
 * script tag's options, a spacer); `frameSrc` adds origins to its frame-src.
 * `appRewrite` changes the app's index.html as served (a lead-mailto meta). */
export async function hostSetup({ edit = (h) => h, frameSrc = '', appRewrite } = {}) {
  const app = await startServer(DIST, 0, appRewrite ? { rewrite: appRewrite } : {});
  const appOrigin = new URL(app.url).origin;
  const host = await startServer(DEMO, 0, {
    rewrite: (p, html) => edit(html.replaceAll('http://127.0.0.1:8080', appOrigin)
      .replace(`frame-src ${appOrigin}`, `frame-src ${appOrigin} ${frameSrc}`.trim())),
  });
  const hostUrl = `${host.url.replace('127.0.0.1', 'localhost')}host.html`;
  return { app, appOrigin, host, hostUrl, hostOrigin: new URL(hostUrl).origin, stop: () => { app.server.close(); host.server.close(); } };
}

/** The widget's frame, once the app inside it has rendered its first question. */
export async function widget(page) {
  const handle = await page.waitForSelector('.dtma-embed iframe', { timeout: 30_000 });
  const frame = await handle.contentFrame();
  await ready(frame);
  return { handle, frame };
}
