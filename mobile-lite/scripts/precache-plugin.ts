import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Lines of public/sw.js that the build rewrites. Both must exist exactly once. */
const VERSION_LINE = /^const VERSION = .*;$/m;
const PRECACHE_LINE = /^const PRECACHE = .*;$/m;

/** Files in the output that must never be precached. */
export function isPrecacheable(file: string): boolean {
  return !(
    file.startsWith('.vite/') ||
    file.endsWith('.map') ||
    file === 'sw.js' ||
    file === 'index.html' ||
    file.endsWith('.DS_Store')
  );
}

/** Rewrites the VERSION and PRECACHE lines of the service worker source. */
export function injectPrecache(source: string, version: string, urls: readonly string[]): string {
  if (!VERSION_LINE.test(source) || !PRECACHE_LINE.test(source)) {
    throw new Error('sw.js must contain a "const VERSION = …;" line and a "const PRECACHE = …;" line');
  }
  return source
    .replace(VERSION_LINE, `const VERSION = ${JSON.stringify(version)};`)
    .replace(PRECACHE_LINE, `const PRECACHE = ${JSON.stringify(urls)};`);
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, name)).isDirectory()) out.push(...listFiles(path.join(dir, name), rel));
    else out.push(rel);
  }
  return out;
}

/**
 * After the bundle is written, lists the app shell (index.html, the built assets and the public files)
 * into dist/sw.js, with a version derived from their contents, so that every release changes the service
 * worker's bytes and browsers install the new shell.
 */
export function precachePlugin(): Plugin {
  let outDir = '';
  return {
    name: 'dlid-precache',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      handler() {
        const files = listFiles(outDir).filter(isPrecacheable).sort();
        const hash = createHash('sha256');
        for (const file of ['index.html', ...files]) {
          hash.update(file).update(readFileSync(path.join(outDir, file)));
        }
        const version = hash.digest('hex').slice(0, 12);
        const urls = ['/index.html', ...files.map((f) => `/${f}`)];
        const swPath = path.join(outDir, 'sw.js');
        writeFileSync(swPath, injectPrecache(readFileSync(swPath, 'utf8'), version, urls));
      },
    },
  };
}
