// Trunk's post-build step (Trunk.toml), in order: the language bundles, the
// report's fonts, the Content-Security-Policy meta tag, the contact form's
// script, then the service worker, which hashes the final files. Each part is
// its own script and can be run alone.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', env: process.env, cwd: path.join(here, '..') });
run('cargo', ['run', '--quiet', '--package', 'content-export']);
run(process.execPath, [path.join(here, 'fonts-hook.mjs')]);
run(process.execPath, [path.join(here, 'csp-hook.mjs')]);
run(process.execPath, [path.join(here, 'contact-hook.mjs')]);
run(process.execPath, [path.join(here, 'sw-hook.mjs')]);
