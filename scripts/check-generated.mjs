#!/usr/bin/env node
// Fails when api/openapi.json or a client's generated API types are stale (fix: `npm run gen`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-gen-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let stale = 0;

const doc = spawnSync(
  bin('tsx'),
  [
    '-e',
    "import('./api/src/openapi-doc.ts').then(m => process.stdout.write(JSON.stringify(m.buildDocumentOffline(), null, 2) + '\\n'))",
  ],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
if (doc.status !== 0) throw new Error(doc.stderr);
if (doc.stdout !== fs.readFileSync(path.join(root, 'api', 'openapi.json'), 'utf8')) {
  console.error('api/openapi.json is stale');
  stale++;
}
const types = path.join(tmp, 'schema.d.ts');
const gen = spawnSync(bin('openapi-typescript'), [path.join(root, 'api', 'openapi.json'), '-o', types], {
  encoding: 'utf8',
});
if (gen.status !== 0) throw new Error(gen.stderr);
const fresh = fs.readFileSync(types, 'utf8');
for (const client of ['mobile-lite', 'console']) {
  const file = path.join(root, client, 'src', 'api', 'schema.d.ts');
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== fresh) {
    console.error(`${client}/src/api/schema.d.ts is stale`);
    stale++;
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
if (stale) {
  console.error('run `npm run gen` and commit the result');
  process.exit(1);
}
console.log('api/openapi.json and both clients’ API types are up to date');
