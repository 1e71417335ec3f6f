import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The identity screens load on demand (their own chunks), so the first screen's JavaScript stays small:
 * nothing the first screen loads may import them statically.
 */
const LAZY = [
  'Identity',
  'MyQr',
  'VerifyQr',
  'Ekyc',
  'EkycCases',
  'FeedbackList',
  'FeedbackForm',
  'FeedbackDetail',
  'Notifications',
];
/** Parts of first-screen screens that load on demand: [screen file, module it imports dynamically]. */
const LAZY_PARTS: [string, string][] = [
  ['screens/Login.tsx', 'NewDeviceSelfie'],
  ['screens/Profile.tsx', 'Passkeys'],
];
const src = new URL('./', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, src), 'utf8');

describe('lazy screens', () => {
  it('app.tsx imports each of them only dynamically', () => {
    const app = read('app.tsx');
    for (const name of LAZY) {
      expect(app, name).toContain(`import('./screens/${name}')`);
      expect(app, name).not.toMatch(new RegExp(`from '\\./screens/${name}'`));
    }
  });

  it('the new-phone selfie and the passkey card load only when shown', () => {
    for (const [file, name] of LAZY_PARTS) {
      expect(read(file), name).toContain(`import('./${name}')`);
      expect(read(file), name).not.toMatch(new RegExp(`from '\\./${name}'`));
    }
  });

  it('no other screen, component or module imports them statically', () => {
    const files = [
      ...readdirSync(src).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && f !== 'app.tsx'),
      ...readdirSync(new URL('screens/', src)).map((f) => `screens/${f}`),
      ...readdirSync(new URL('components/', src)).map((f) => `components/${f}`),
    ];
    for (const file of files) {
      for (const name of [...LAZY, ...LAZY_PARTS.map(([, part]) => part)]) {
        expect(read(file), `${file} → ${name}`).not.toMatch(
          new RegExp(`from '(\\.\\.?/)+(screens/)?${name}'`),
        );
      }
      // The WebAuthn library (≈ 4 KB) is fetched when a passkey is used; type imports vanish at build.
      expect(read(file), `${file} → @simplewebauthn/browser`).not.toMatch(
        /^import (?!type )[^;]*from '@simplewebauthn\/browser'/m,
      );
    }
  });
});
