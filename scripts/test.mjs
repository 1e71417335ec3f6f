#!/usr/bin/env node
// `npm test`: everything CI runs, in order, stopping at the first failure; ends with one summary line.
// Type checks, lint, API tests (real PostgreSQL: DATABASE_URL, else embedded), the Deno smoke run,
// client unit tests, client builds (with the mobile-lite JS budget) and end-to-end tests in Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-test-'));
const totals = { passed: 0, failed: 0 };

function run(name, cmd, args, opts = {}) {
  return new Promise((resolve) => {
    console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
    const started = Date.now();
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => {
      console.log(
        `━━ ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve({ code, out });
    });
  });
}

function vitestCounts(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
}

function nodeTestCounts(out) {
  totals.passed += Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
  totals.failed += Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0);
}

const vitest = (ws) => {
  const file = path.join(tmp, `${ws}.json`);
  return {
    name: `${ws} tests`,
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '--root',
      ws,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    after: () => vitestCounts(file),
  };
};

const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', 'lint'] },
  { name: 'generated types', cmd: 'node', args: ['scripts/check-generated.mjs'] },
  vitest('api'),
  {
    name: 'deno smoke',
    cmd: 'npm',
    args: ['run', 'test:deno', '-w', 'api'],
    after: (out) => (/1 passed, 0 failed/.test(out) ? totals.passed++ : totals.failed++),
  },
  vitest('mobile-lite'),
  vitest('console'),
  { name: 'build clients', cmd: 'npm', args: ['run', 'build'] },
  {
    name: 'e2e',
    cmd: 'npx',
    args: [
      'tsx',
      '--test',
      '--test-concurrency=1',
      ...fs
        .readdirSync(path.join(root, 'e2e'))
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => `e2e/${f}`),
    ],
    after: nodeTestCounts,
  },
].filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)));

let failed = false;
for (const step of steps) {
  const { code, out } = await run(step.name, step.cmd, step.args);
  step.after?.(out);
  if (code !== 0) {
    failed = true;
    if (!step.after) totals.failed++;
    break;
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed ? 1 : 0);
