import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainKeysInFirstScreen, firstScreenFiles, measure, report } from '../scripts/check-budget.mjs';

const script = fileURLToPath(new URL('../scripts/check-budget.mjs', import.meta.url));

/** Random base64 in a comment: gzip cannot shrink it below ~¾, so sizes are easy to push past a limit. */
function noise(bytes: number): string {
  return `/*${randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64')}*/`;
}

const manifest = {
  'index.html': {
    file: 'assets/index-a1.js',
    isEntry: true,
    imports: ['_vendor-b2.js', '_shared-c3.js'],
    dynamicImports: ['src/screens/Lazy.tsx'],
    css: ['assets/index-d4.css'],
  },
  '_vendor-b2.js': { file: 'assets/vendor-b2.js', imports: ['_shared-c3.js'] },
  '_shared-c3.js': { file: 'assets/shared-c3.js' },
  'src/screens/Lazy.tsx': { file: 'assets/Lazy-e5.js', isDynamicEntry: true, imports: ['_shared-c3.js'] },
};

const contents: Record<string, string> = {
  'assets/index-a1.js': noise(3000),
  'assets/vendor-b2.js': noise(5000),
  'assets/shared-c3.js': 'export const x = 1;'.repeat(200),
  'assets/Lazy-e5.js': noise(50_000),
  'assets/index-d4.css': noise(4000),
};

let dist = '';
function writeFixture(dir: string, files: Record<string, string>) {
  mkdirSync(path.join(dir, '.vite'), { recursive: true });
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
}

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'budget-'));
  writeFixture(dist, contents);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('check-budget', () => {
  it('takes the entry and its static imports, once each, and no lazy chunk or CSS', () => {
    expect(firstScreenFiles(manifest).sort()).toEqual([
      'assets/index-a1.js',
      'assets/shared-c3.js',
      'assets/vendor-b2.js',
    ]);
  });

  it('sums the level-9 gzip sizes of exactly those files', () => {
    const gz = (f: string) => gzipSync(Buffer.from(contents[f]!), { level: 9 }).length;
    const expected = gz('assets/index-a1.js') + gz('assets/vendor-b2.js') + gz('assets/shared-c3.js');
    const { totalBytes, files } = measure(dist);
    expect(totalBytes).toBe(expected);
    expect(files).toHaveLength(3);
    // Sanity: the big lazy chunk would have dominated the total.
    expect(totalBytes).toBeLessThan(gz('assets/Lazy-e5.js'));
  });

  it('reports in KB against the budget', () => {
    expect(report(20 * 1024)).toEqual({
      ok: true,
      line: 'mobile-lite first-screen JS: 20.0 KB gzip (budget 100 KB)',
    });
    expect(report(100 * 1024).ok).toBe(true);
    expect(report(100 * 1024 + 1).ok).toBe(false);
  });

  it('exits 1 when the first screen is over budget', () => {
    const big = mkdtempSync(path.join(tmpdir(), 'budget-big-'));
    try {
      // The script measures ../dist relative to itself, so run a copy of it beside a fixture dist.
      mkdirSync(path.join(big, 'scripts'));
      writeFileSync(path.join(big, 'scripts', 'check-budget.mjs'), readFileSync(script));
      writeFixture(path.join(big, 'dist'), { ...contents, 'assets/vendor-b2.js': noise(160_000) });
      let status = 0;
      let stdout = '';
      try {
        execFileSync(process.execPath, [path.join(big, 'scripts', 'check-budget.mjs')], { stdio: 'pipe' });
      } catch (error) {
        const e = error as { status: number; stdout: Buffer };
        status = e.status;
        stdout = e.stdout.toString();
      }
      expect(status).toBe(1);
      expect(stdout).toMatch(/mobile-lite first-screen JS: 1\d\d\.\d KB gzip \(budget 100 KB\)/);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('finds domain text keys in the first screen, quoted or as a template head, and not in lazy chunks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-keys-'));
    try {
      writeFixture(dir, {
        ...contents,
        'assets/index-a1.js': 'x(t("nav.home"),t("feedback.mineTitle"),t(`cameras.state.${s}`),"apps.x"+y)',
        'assets/shared-c3.js': "u('jobsite.x'),u('employer.title')",
        'assets/Lazy-e5.js': 't("jobs.title")',
      });
      expect(domainKeysInFirstScreen(dir).sort()).toEqual([
        'assets/index-a1.js: apps.x',
        'assets/index-a1.js: cameras.state.',
        'assets/index-a1.js: feedback.mineTitle',
        'assets/shared-c3.js: employer.title',
      ]);
      writeFixture(dir, contents);
      expect(domainKeysInFirstScreen(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
