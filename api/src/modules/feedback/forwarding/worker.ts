import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { Forwarding } from './forwarding.service.ts';
import { signedHeaders } from './signature.ts';

export interface WorkerOptions {
  url: string;
  secret: string;
  maxAttempts: number;
  pollMs: number;
  timeoutMs: number;
  backoffMs: number;
  backoffMaxMs: number;
  /** Rows claimed (and sent concurrently) per round. */
  batch?: number;
}

interface Claimed {
  id: string;
  report_id: string;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
}

/** Exponential backoff with jitter: attempt n waits between half and all of min(cap, base·2^(n−1)). */
export function backoffDelay(attempt: number, base: number, cap: number, random = Math.random): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A 4xx other than these means the province refuses the request itself: retrying the same body cannot help. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

class SendError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/**
 * The outbox worker: claims due rows with FOR UPDATE SKIP LOCKED and a lease (a crash mid-send leaves the row
 * `sending` until the lease ends, then any instance sends it again under the same idempotency key, so the province
 * creates it once), POSTs them signed, records the province's id, backs off on failure, dead-letters after N.
 */
export function createForwardingWorker(deps: {
  sequelize: Sequelize;
  log: Logger;
  forwarding: Forwarding;
  options: WorkerOptions;
}) {
  const { sequelize, log, options } = deps;
  const leaseMs = options.timeoutMs + 5_000;
  const batch = options.batch ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  let halting = false;
  let unsubscribe: (() => void) | undefined;

  async function claim(): Promise<Claimed[]> {
    return sequelize.query<Claimed>(
      `UPDATE feedback_outbox o
          SET state = 'sending', attempts = o.attempts + 1,
              locked_until = now() + make_interval(secs => :lease), updated_at = now()
        WHERE o.id IN (SELECT id FROM feedback_outbox
                        WHERE (state = 'pending' AND next_attempt_at <= now())
                           OR (state = 'sending' AND locked_until < now())
                        ORDER BY next_attempt_at
                        LIMIT :batch
                        FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.report_id, o.idempotency_key, o.payload, o.attempts`,
      { replacements: { lease: leaseMs / 1000, batch }, type: QueryTypes.SELECT },
    );
  }

  async function post(row: Claimed): Promise<string> {
    const body = JSON.stringify(row.payload);
    let res: Response;
    try {
      res = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': row.idempotency_key,
          ...signedHeaders(options.secret, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      throw new SendError(
        e.name === 'TimeoutError'
          ? `timeout after ${options.timeoutMs} ms`
          : `${e.cause?.code ?? e.name}: ${e.message}`,
      );
    }
    const text = await res.text().catch(() => '');
    if (!res.ok)
      throw new SendError(
        `HTTP ${res.status}: ${text.slice(0, 200)}`,
        res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status),
      );
    let externalId: unknown;
    try {
      externalId = (JSON.parse(text) as { externalId?: unknown }).externalId;
    } catch {
      /* checked below */
    }
    if (typeof externalId !== 'string' || !externalId)
      throw new SendError(`HTTP ${res.status} without an externalId: ${text.slice(0, 200)}`);
    return externalId;
  }

  async function deliver(row: Claimed): Promise<void> {
    try {
      const externalId = await post(row);
      await sequelize.transaction(async (t) => {
        // `attempts` fences a stale holder whose lease ran out and whose row another claim has taken since.
        const [, n] = await sequelize.query(
          `UPDATE feedback_outbox SET state = 'sent', external_id = :externalId, sent_at = now(), locked_until = NULL,
                  last_error = NULL, updated_at = now()
            WHERE id = :id AND state = 'sending' AND attempts = :attempts`,
          { replacements: { id: row.id, externalId, attempts: row.attempts }, transaction: t },
        );
        if (n)
          await sequelize.query(
            'UPDATE feedback_reports SET external_id = :externalId WHERE id = :reportId AND external_id IS NULL',
            { replacements: { reportId: row.report_id, externalId }, transaction: t },
          );
      });
      log.info(
        { reportId: row.report_id, externalId, attempts: row.attempts },
        'feedback forwarded to the province',
      );
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError((err as Error).message);
      const dead = e.permanent || row.attempts >= options.maxAttempts;
      const delay = backoffDelay(row.attempts, options.backoffMs, options.backoffMaxMs);
      await sequelize.query(
        `UPDATE feedback_outbox SET state = :state, last_error = :error, locked_until = NULL, updated_at = now(),
                next_attempt_at = now() + make_interval(secs => :delay)
          WHERE id = :id AND state = 'sending' AND attempts = :attempts`,
        {
          replacements: {
            id: row.id,
            state: dead ? 'dead' : 'pending',
            error: e.message.slice(0, 500),
            delay: delay / 1000,
            attempts: row.attempts,
          },
        },
      );
      (dead ? log.error : log.warn).call(
        log,
        { reportId: row.report_id, attempts: row.attempts, error: e.message, retryInMs: dead ? null : delay },
        dead ? 'feedback forwarding gave up (dead letter)' : 'feedback forwarding failed; will retry',
      );
    }
  }

  /** Send everything due now; returns how many rows were tried. */
  async function runOnce(): Promise<number> {
    let tried = 0;
    for (;;) {
      const rows = await claim();
      if (!rows.length) return tried;
      tried += rows.length;
      await Promise.all(rows.map(deliver));
      // A short batch means the backlog is done; rows that just failed wait for their backoff (see nextDue).
      if (halting || rows.length < batch) return tried;
    }
  }

  /** Milliseconds until the next row falls due (pending retry or an expired lease), at most the poll interval. */
  async function nextDue(): Promise<number> {
    const [r] = await sequelize.query<{ ms: number | null }>(
      `SELECT extract(epoch FROM min(CASE WHEN state = 'pending' THEN next_attempt_at ELSE locked_until END) - now())
              * 1000 AS ms
         FROM feedback_outbox WHERE state IN ('pending', 'sending')`,
      { type: QueryTypes.SELECT },
    );
    const ms = r?.ms == null ? options.pollMs : Number(r.ms);
    return Math.max(10, Math.min(options.pollMs, Math.ceil(ms)));
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  function tick() {
    timer = undefined;
    if (stopped || running) return;
    again = false;
    running = (async () => {
      let wait = options.pollMs;
      try {
        await runOnce();
        wait = await nextDue();
      } catch (err) {
        log.error({ err }, 'feedback forwarding round failed');
      }
      running = undefined;
      schedule(again ? 0 : wait);
    })();
  }

  function wake() {
    if (stopped) return;
    if (running) again = true;
    else schedule(0);
  }

  return {
    runOnce,
    wake,
    start() {
      if (!stopped) return;
      stopped = false;
      halting = false;
      unsubscribe = deps.forwarding.onWake(wake);
      schedule(0);
    },
    /** Stop claiming; wait for the sends in flight (each bounded by the timeout). */
    async stop() {
      stopped = true;
      halting = true;
      clearTimeout(timer);
      timer = undefined;
      unsubscribe?.();
      await running;
    },
  };
}

export type ForwardingWorker = ReturnType<typeof createForwardingWorker>;
