#!/usr/bin/env node
// Runs the browser tests (and, with --screenshots, the screenshot script) against
// web/dev/mock-api.mjs — the development stand-in for the real server — on a free loopback
// port, with fresh mock state for each. Needs web/dist (scripts/web.sh builds it).
//
//   node tests/e2e/run-with-mock.mjs [--screenshots | --only-screenshots] [filter]
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { HERE } from './lib.mjs';

const args = process.argv.slice(2);
const onlyScreenshots = args.includes('--only-screenshots');
const screenshots = onlyScreenshots || args.includes('--screenshots');
const filter = args.filter((a) => !a.startsWith('--'));

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

async function withMock(fn) {
  const port = await freePort();
  const mock = spawn(process.execPath, [join(HERE, '..', '..', 'web', 'dev', 'mock-api.mjs'), '--port', String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/health`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return await fn(base);
  } finally {
    mock.kill('SIGTERM');
  }
}

function run(script, base, extra = []) {
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(HERE, script), ...extra], { stdio: 'inherit', env: { ...process.env, BASE_URL: base } });
    child.on('exit', (code) => res(code ?? 1));
  });
}

let code = onlyScreenshots ? 0 : await withMock((base) => run('run.mjs', base, filter));
if (screenshots) code = (await withMock((base) => run('screenshots.mjs', base))) || code;
process.exit(code);
