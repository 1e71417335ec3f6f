// /proc readings for the benchmarks (bench:cameras, bench:api): a process tree, processes by name, CPU ticks of
// processes and of the machine, resident memory.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

let hz;
/** Clock ticks per second (USER_HZ), for /proc/<pid>/stat's utime and stime. */
export function clockTicks() {
  if (!hz) {
    try {
      hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      hz = 100;
    }
  }
  return hz;
}

function stat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = s.lastIndexOf(')');
    const f = s.slice(close + 2).split(' ');
    // after the command: state(0) ppid(1) … utime(11) stime(12)
    return {
      pid,
      comm: s.slice(s.indexOf('(') + 1, close),
      ppid: Number(f[1]),
      state: f[0],
      ticks: Number(f[11]) + Number(f[12]),
    };
  } catch {
    return null;
  }
}

/** Every live descendant of `root`: [{pid, comm, ppid}]. */
export function descendants(root) {
  const all = fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map((e) => stat(Number(e)))
    .filter((p) => p && p.state !== 'Z');
  const out = [];
  const seen = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all)
      if (!seen.has(p.pid) && seen.has(p.ppid)) {
        seen.add(p.pid);
        out.push(p);
        grew = true;
      }
  }
  return out;
}

/** The pids of every live process whose command is `comm` (e.g. every PostgreSQL backend). */
export function processesNamed(comm) {
  return fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map((e) => stat(Number(e)))
    .filter((p) => p && p.state !== 'Z' && p.comm === comm)
    .map((p) => p.pid);
}

/** Summed CPU ticks (user + system) of `pids` now. */
export function sample(pids) {
  let ticks = 0;
  for (const pid of pids) ticks += stat(pid)?.ticks ?? 0;
  return { ticks, at: performance.now(), hz: clockTicks() };
}

/** The machine's CPU ticks (all cores): total and idle (idle + iowait). */
export function machineTicks() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  return { total: v.reduce((s, x) => s + x, 0), idle: v[3] + (v[4] ?? 0) };
}

/** Resident memory of a process, MB (0 when gone). */
export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
