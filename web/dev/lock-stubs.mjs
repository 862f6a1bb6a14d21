#!/usr/bin/env node
// DEVELOPMENT ONLY — run after `npm install` changes web/package-lock.json.
//
// The npm registry reachable here lacks rollup's native packages for other platforms
// (@rollup/rollup-darwin-x64, -win32-*, …), so `npm install` leaves them out of the lock file and
// `npm ci` then refuses the lock ("Missing: @rollup/rollup-… from lock file"). This adds an
// entry for each missing optional @rollup/rollup-<os>-<cpu>[-<abi>] package with its os/cpu/libc,
// so `npm ci` recognises it and skips it on this platform (nothing is downloaded for it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (pkgs[key]) continue;
    const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z0-9]+))?$/.exec(name);
    if (!m) {
      console.warn(`lock-stubs: ${name} (optional dependency of ${path || 'root'}) is missing and not a rollup platform package`);
      continue;
    }
    const [, os, cpu, abi] = m;
    const entry = { version, cpu: [cpu === 'arm' ? 'arm' : cpu], dev: true, license: 'MIT', optional: true, os: [os] };
    if (abi && /musl/.test(abi)) entry.libc = ['musl'];
    else if (abi && /gnu/.test(abi) && os === 'linux') entry.libc = ['glibc'];
    pkgs[key] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-stubs: added ${added} platform entries to ${file}`);
