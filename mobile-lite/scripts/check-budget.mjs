// Fails the build when the JavaScript the first screen loads grows past the budget.
// "First screen" = the entry chunk of index.html plus every chunk it imports statically (recursively),
// as listed in dist/.vite/manifest.json. Lazy chunks (dynamic imports) are not counted.
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
}
