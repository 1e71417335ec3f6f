#!/usr/bin/env node
// `npm start`: build the two clients when their sources are newer than the build, then run the API
// (which serves them) with an embedded PostgreSQL unless DATABASE_URL is set.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'dist-electron') continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

for (const client of ['mobile-lite', 'console']) {
  const dir = path.join(root, client);
  const built = path.join(dir, 'dist', 'index.html');
  const stale = !fs.existsSync(built) || newest(dir) > fs.statSync(built).mtimeMs;
  if (stale && process.env.SKIP_CLIENT_BUILD !== '1') {
    console.log(`building ${client}…`);
    const r = spawnSync('npm', ['run', 'build', '-w', client], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

// In development, accepted feedback is forwarded to the stand-in of the province's handling system (same
// protocol as the real one), so the outbox, worker and webhook run end to end on one machine.
// PROVINCE_FEEDBACK_SIM=0 turns it off; production never starts it.
const env = { ...process.env };
let sim;
if (env.NODE_ENV !== 'production' && !env.PROVINCE_FEEDBACK_URL && env.PROVINCE_FEEDBACK_SIM !== '0') {
  const { startProvinceSim } = await import('./province-feedback-sim.mjs');
  sim = await startProvinceSim({
    port: 0,
    webhookUrl: `http://127.0.0.1:${env.PORT ?? 8080}/api/v1/integrations/province-feedback/webhook`,
  });
  env.PROVINCE_FEEDBACK_URL = `${sim.url}/api/reports`;
  console.log(`province feedback stand-in: ${sim.url} (control: POST ${sim.url}/control/update)`);
}

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const api = spawn(process.execPath, [tsx, path.join(root, 'api', 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => api.kill(sig));
api.on('exit', async (code, signal) => {
  await sim?.close();
  process.exit(code ?? (signal ? 0 : 1));
});
