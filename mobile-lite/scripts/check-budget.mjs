// Fails the build when the JavaScript the first screen loads grows past the budget, or when it uses a text
// of the service domains (those arrive with the domain screens, src/i18n/domains.ts, so the first screen
// would show a bare key). "First screen" = the entry chunk of index.html plus every chunk it imports
// statically (recursively), as listed in dist/.vite/manifest.json. Lazy chunks (dynamic imports) are not counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 100;

/** The JS files (relative to distDir) the entry loads before the first screen can render. */
export function firstScreenFiles(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error('no entry chunk in the Vite manifest');
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    if (/\.m?js$/.test(chunk.file)) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return [...files];
}

/** Gzip (level 9) size in bytes of each first-screen file, and their total. */
export function measure(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const files = firstScreenFiles(manifest).map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length,
  }));
  return { files, totalBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** Key prefixes of the texts in src/i18n/domains.ts (a test checks that they match its keys). */
export const DOMAIN_PREFIXES = [
  'feedback',
  'notifications',
  'jobs',
  'apps',
  'cvs',
  'thread',
  'employer',
  'cameras',
];

/** Domain text keys quoted in the first screen's code, as `file: key` lines (none expected). */
export function domainKeysInFirstScreen(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
  // A whole key in quotes, or the fixed head of a key built in a template (`cameras.state.${s}`).
  const quoted = new RegExp(
    `["'\`]((?:${DOMAIN_PREFIXES.join('|')})\\.[A-Za-z][\\w.]*)(?:["'\`]|\\$\\{)`,
    'g',
  );
  const found = [];
  for (const file of firstScreenFiles(manifest)) {
    const code = readFileSync(path.join(distDir, file), 'utf8');
    for (const m of code.matchAll(quoted)) found.push(`${file}: ${m[1]}`);
  }
  return [...new Set(found)];
}

export function report(totalBytes, budgetKb = BUDGET_KB) {
  const kb = (totalBytes / 1024).toFixed(1);
  return {
    ok: totalBytes <= budgetKb * 1024,
    line: `mobile-lite first-screen JS: ${kb} KB gzip (budget ${budgetKb} KB)`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const { files, totalBytes } = measure(distDir);
  for (const f of files) console.log(`  ${f.file}: ${(f.gzipBytes / 1024).toFixed(1)} KB gzip`);
  const { ok, line } = report(totalBytes);
  console.log(line);
  if (!ok) {
    console.error(`over budget by ${((totalBytes - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`);
    process.exit(1);
  }
  const early = domainKeysInFirstScreen(distDir);
  if (early.length) {
    console.error(
      `the first screen uses texts that load only with the domain screens:\n  ${early.join('\n  ')}`,
    );
    process.exit(1);
  }
}
