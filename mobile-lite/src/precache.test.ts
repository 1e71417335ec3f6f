import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { injectPrecache, isPrecacheable } from '../scripts/precache-plugin';

const swSource = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');

describe('service worker precache list', () => {
  it('rewrites the VERSION and PRECACHE lines of public/sw.js', () => {
    const out = injectPrecache(swSource, 'abc123', ['/index.html', '/assets/index-x.js']);
    expect(out).toContain('const VERSION = "abc123";');
    expect(out).toContain('const PRECACHE = ["/index.html","/assets/index-x.js"];');
    expect(out).not.toContain("const VERSION = 'dev';");
  });

  it('refuses a service worker without the marker lines', () => {
    expect(() => injectPrecache('self.addEventListener("fetch", () => {});', 'v', [])).toThrow(/VERSION/);
  });

  it('never precaches build metadata, source maps or the worker itself', () => {
    expect(isPrecacheable('assets/index-x.js')).toBe(true);
    expect(isPrecacheable('icons/icon-192.png')).toBe(true);
    expect(isPrecacheable('.vite/manifest.json')).toBe(false);
    expect(isPrecacheable('assets/index-x.js.map')).toBe(false);
    expect(isPrecacheable('sw.js')).toBe(false);
  });

  it('the worker leaves /api/ and other pages of the origin to the network', () => {
    expect(swSource).toMatch(/pathname\.startsWith\('\/api\/'\)\) return;/);
    expect(swSource).toMatch(/url\.pathname === '\/' \|\| url\.pathname === '\/index\.html'/);
  });
});
