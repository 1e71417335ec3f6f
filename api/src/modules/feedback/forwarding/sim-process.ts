import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../../config.ts';

/** The province stand-in (scripts/province-feedback-sim.mjs) as its own process, driven over HTTP (tests, tools). */
export async function startSimProcess(args: string[] = []) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT_DIR, 'scripts', 'province-feedback-sim.mjs'), '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`simulator exited ${code}: ${output}`)));
  });
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(url + p, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the simulator's answers are checked field by field
    return (await res.json()) as any;
  };
  return {
    url,
    reportsUrl: `${url}/api/reports`,
    control: (name: string, body: unknown = {}) => call('POST', `/control/${name}`, body),
    held: () =>
      call('GET', '/api/reports') as Promise<{
        reports: Array<{
          externalId: string;
          key: string;
          payload: Record<string, unknown>;
          deliveries: number;
        }>;
        creations: number;
        requests: Array<{ at: string; key: string | null; outcome: string; externalId?: string }>;
      }>,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export type SimProcess = Awaited<ReturnType<typeof startSimProcess>>;

/** Poll until `fn` gives a truthy value. */
export async function waitFor<T>(fn: () => Promise<T>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
