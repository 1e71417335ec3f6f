#!/usr/bin/env node
// Root `postinstall`: puts the eKYC face models into models/face/ (FACE_MODELS_DIR overrides).
// The three ONNX files come from the npm package faceplugin-face-recognition-js@0.0.1, fetched with
// `npm pack` (the npm registry is the only reachable source) and read with node's zlib + a minimal tar
// reader; the package itself is never installed (it drags in webpack and jest). YuNet is copied from
// ../shared/models/face/ when present (optional second detector).
// Idempotent, and never fails an install: without network it prints a warning and exits 0.
// Also importable: `import { setupModels } from './setup-models.mjs'` → { ok, dir, message }.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = 'faceplugin-face-recognition-js';
const VERSION = '0.0.1';
export const MODEL_FILES = ['fr_detect.onnx', 'fr_landmark.onnx', 'fr_feature.onnx'];
/** sha512 of that tarball (npm versions are immutable): anything else is refused. */
const TARBALL_SHA512 =
  'shriXjd4zJHEwhK1jHK+bWo8Vv6Vu9B/w6RRsd4AFtNM/jaI2vhuOamOSMl9qQmLd8WlQ7dgqN+3C2iOi5pXWw==';
const YUNET = 'yunet_n_320_320.onnx';
const MISSING_HINT =
  'eKYC face models missing: run `node scripts/setup-models.mjs` when the registry is reachable';

export function defaultModelsDir() {
  return process.env.FACE_MODELS_DIR
    ? path.resolve(process.env.FACE_MODELS_DIR)
    : path.join(root, 'models', 'face');
}

const nonEmpty = (file) => {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
};

export const modelsPresent = (dir = defaultModelsDir()) =>
  MODEL_FILES.every((f) => nonEmpty(path.join(dir, f)));

/** Entries of an uncompressed ustar/GNU tar archive: yields { name, data } for regular files. */
function* readTar(buf) {
  let off = 0;
  let longName;
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (a, b) =>
      header
        .subarray(a, b)
        .toString('utf8')
        .replace(/\0[\s\S]*$/, '');
    const size = parseInt(str(124, 136).trim() || '0', 8);
    const type = str(156, 157) || '0';
    const prefix = str(257, 263).startsWith('ustar') ? str(345, 500) : '';
    let name = longName ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
    longName = undefined;
    const dataStart = off + 512;
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0[\s\S]*$/, '');
      continue;
    }
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (m) longName = m[1];
      continue;
    }
    if (type === '0' || type === '\0') yield { name, data };
  }
}

/** The environment for `npm pack`, minus settings a parent `npm install` passes down that would change it. */
function packEnv() {
  const env = { ...process.env };
  for (const k of [
    'dry_run',
    'global',
    'workspace',
    'workspaces',
    'include_workspace_root',
    'json',
    'offline',
  ])
    for (const key of Object.keys(env)) if (key.toLowerCase() === `npm_config_${k}`) delete env[key];
  return env;
}

/** npm's own one-line reason from a failed `npm pack --json`. */
function packError(err) {
  try {
    const e = JSON.parse(err.stdout).error;
    if (e?.summary) return `${e.code ?? 'error'}: ${e.summary}`;
  } catch {
    // not JSON
  }
  return (err?.stderr || err?.message || String(err)).toString().trim().split('\n').slice(-2).join(' | ');
}

async function fetchTarball(tmp) {
  // inside an npm lifecycle script, use the very npm that runs it; otherwise the one on PATH
  const cli = process.env.npm_execpath;
  const viaNode = cli && /npm-cli\.c?js$/.test(cli);
  const win = process.platform === 'win32';
  const [cmd, pre] = viaNode ? [process.execPath, [cli]] : [win ? 'npm.cmd' : 'npm', []];
  const { stdout } = await promisify(execFile)(
    cmd,
    [...pre, 'pack', `${PKG}@${VERSION}`, '--pack-destination', tmp, '--json', '--silent'],
    { cwd: tmp, env: packEnv(), timeout: 180_000, maxBuffer: 16 * 1024 * 1024, shell: win && !viaNode },
  );
  let file;
  try {
    file = JSON.parse(stdout)[0]?.filename;
  } catch {
    // older npm without --json: fall back to the directory listing
  }
  file ??= fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!file) throw new Error('npm pack produced no tarball');
  return path.join(tmp, path.basename(file));
}

function copyYunet(dir) {
  const src = path.resolve(root, '..', 'shared', 'models', 'face', YUNET);
  const dst = path.join(dir, YUNET);
  if (!fs.existsSync(src) || nonEmpty(dst)) return false;
  fs.copyFileSync(src, dst);
  fs.chmodSync(dst, 0o644);
  return true;
}

function writeSource(dir, tarball, sha) {
  const lines = [
    'eKYC face models',
    '',
    `${MODEL_FILES.join(', ')}:`,
    `  from the npm package ${PKG}@${VERSION} (file ${tarball}, sha512 ${sha}), folder package/model/,`,
    '  extracted by scripts/setup-models.mjs. The package declares the MIT licence; the origin of the',
    '  weights (training data, upstream project) is undocumented. Operators decide whether that is acceptable',
    '  for production, or point FACE_MODELS_DIR at another model pack.',
  ];
  if (fs.existsSync(path.join(dir, YUNET)))
    lines.push(
      '',
      `${YUNET}:`,
      '  copied from ../shared/models/face/ (YuNet, libfacedetection.train; Apache-2.0/MIT, licences there).',
    );
  fs.writeFileSync(path.join(dir, 'SOURCE.txt'), lines.join('\n') + '\n');
}

/** Make sure the models are in `dir`. Never throws: returns { ok, dir, message }. */
export async function setupModels({ dir = defaultModelsDir(), quiet = false } = {}) {
  const say = (m) => {
    if (!quiet) console.log(m);
  };
  if (modelsPresent(dir)) {
    const copied = copyYunet(dir);
    const message = `eKYC face models present in ${path.relative(process.cwd(), dir) || dir}${copied ? ' (YuNet added)' : ''}`;
    say(message);
    return { ok: true, dir, message };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-models-'));
  try {
    const tgz = await fetchTarball(tmp);
    const raw = fs.readFileSync(tgz);
    const sha = crypto.createHash('sha512').update(raw).digest('base64');
    if (sha !== TARBALL_SHA512) throw new Error(`${path.basename(tgz)}: unexpected sha512 ${sha}`);
    const wanted = new Map(MODEL_FILES.map((f) => [`package/model/${f}`, f]));
    const found = new Map();
    for (const { name, data } of readTar(zlib.gunzipSync(raw))) {
      const target = wanted.get(name.replace(/^\.\//, ''));
      if (target && data.length > 0) found.set(target, data);
    }
    const missing = MODEL_FILES.filter((f) => !found.has(f));
    if (missing.length) throw new Error(`${PKG}@${VERSION} has no ${missing.join(', ')}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, data] of found) {
      // write then rename, so an interrupted run never leaves a truncated model behind
      const part = path.join(dir, `${file}.part`);
      fs.writeFileSync(part, data);
      fs.renameSync(part, path.join(dir, file));
    }
    copyYunet(dir);
    writeSource(dir, path.basename(tgz), sha);
    const message = `eKYC face models installed in ${dir} (${PKG}@${VERSION})`;
    say(message);
    return { ok: true, dir, message };
  } catch (err) {
    const reason = packError(err);
    const message = `${MISSING_HINT} (${reason})`;
    if (!quiet) console.warn(`warning: ${message}`);
    return { ok: false, dir, message };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await setupModels();
  process.exitCode = 0;
}
