// Sessions: one per sign-in (a refresh-token family). A person sees where they are signed in and ends any of
// them; an administrator ends all of an account's. An ended session's access tokens stop at once: here through
// the token signer, on the other API instances within SESSION_SYNC_INTERVAL_MS through `sync`.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import Bowser from 'bowser';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { TokenSigner } from '../../platform/auth/tokens.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { NotFound } from '../../platform/errors.ts';
import type { ActiveSessionDto } from './sessions.schemas.ts';

export interface SessionDeps {
  sequelize: Sequelize;
  config: Config;
  signer: TokenSigner;
  log: Logger;
}

/** Which sessions to end: all of an account's, one, or all but the one in use. */
export type SessionScope =
  { userId: string; only?: string; except?: string } | { familyId: string; userId?: undefined };

interface LiveRow {
  family_id: string;
  started_at: Date;
  last_active_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** Browser, system and kind of device, from the User-Agent the sign-in came with. */
export function deviceOf(userAgent: string | null): ActiveSessionDto['device'] {
  if (!userAgent) return { browser: null, os: null, type: 'unknown' };
  const p = Bowser.parse(userAgent);
  const type = p.platform.type;
  return {
    browser: p.browser.name ? `${p.browser.name} ${(p.browser.version ?? '').split('.')[0]}`.trim() : null,
    os: p.os.name
      ? `${p.os.name}${p.os.versionName || p.os.version ? ` ${p.os.versionName || p.os.version}` : ''}`
      : null,
    type: type === 'mobile' || type === 'tablet' || type === 'desktop' ? type : 'unknown',
  };
}

export function createSessionService({ sequelize, config, signer, log }: SessionDeps) {
  const sessionNotFound = () =>
    new NotFound('session_not_found', {
      vi: 'Không tìm thấy phiên đăng nhập này (có thể nó đã kết thúc).',
      en: 'No such session (it may have ended already).',
    });

  /**
   * End sessions: every token of theirs is revoked in the same transaction as the caller's change, and their
   * access tokens are refused from the moment it commits. Returns the sessions that were live.
   */
  async function end(scope: SessionScope, t?: Transaction): Promise<string[]> {
    const where = ['revoked_at IS NULL'];
    if (scope.userId !== undefined) where.push('user_id = :userId');
    if ('familyId' in scope && scope.familyId) where.push('family_id = :familyId');
    if ('only' in scope && scope.only) where.push('family_id = :only');
    if ('except' in scope && scope.except) where.push('family_id <> :except');
    // A renewal that held a token's row lock while this UPDATE waited for it commits a new token this statement's
    // snapshot cannot see: a second statement (a new snapshot) revokes it too, so a session cannot outlive its end.
    const rows: Array<{ family_id: string; live: boolean }> = [];
    for (let pass = 0; pass < 3; pass++) {
      const [revoked] = (await sequelize.query(
        `UPDATE refresh_tokens SET revoked_at = now() WHERE ${where.join(' AND ')}
         RETURNING family_id, (expires_at > now() AND used_at IS NULL) AS live`,
        { replacements: scope, transaction: t },
      )) as [Array<{ family_id: string; live: boolean }>, unknown];
      if (!revoked.length) break;
      rows.push(...revoked);
    }
    const ended = [...new Set(rows.map((r) => r.family_id))];
    const apply = () => {
      const at = Date.now();
      for (const sid of ended) signer.endSession(sid, at);
    };
    if (t) t.afterCommit(apply);
    else apply();
    return [...new Set(rows.filter((r) => r.live).map((r) => r.family_id))];
  }

  /** The account's live sessions, the most recently active first; `current` marks the caller's own. */
  async function list(userId: string, currentSid?: string): Promise<{ items: ActiveSessionDto[] }> {
    const rows = await sequelize.query<LiveRow>(
      `SELECT family_id, started_at, last_active_at, expires_at, ip, user_agent FROM (
         SELECT DISTINCT ON (family_id) family_id, created_at AS last_active_at, expires_at, used_at, ip, user_agent,
                min(created_at) OVER (PARTITION BY family_id) AS started_at
         FROM refresh_tokens WHERE user_id = :userId AND revoked_at IS NULL
         ORDER BY family_id, created_at DESC) latest
       WHERE used_at IS NULL AND expires_at > now()
       ORDER BY last_active_at DESC LIMIT 200`,
      { replacements: { userId }, type: QueryTypes.SELECT },
    );
    return {
      items: rows.map((r) => ({
        id: r.family_id,
        current: r.family_id === currentSid,
        startedAt: new Date(r.started_at).toISOString(),
        lastActiveAt: new Date(r.last_active_at).toISOString(),
        expiresAt: new Date(r.expires_at).toISOString(),
        ip: r.ip,
        userAgent: r.user_agent,
        device: deviceOf(r.user_agent),
      })),
    };
  }

  /** Ends the sessions of `scope` and, when `details` gives any, audits it as `action` in the same transaction. */
  function endAudited(
    scope: { userId: string; only?: string; except?: string },
    actor: AuditActor,
    action: string,
    details: (ended: string[]) => Record<string, unknown> | null,
  ): Promise<string[]> {
    return sequelize.transaction(async (t) => {
      const ended = await end(scope, t);
      const d = details(ended);
      if (d) await audit(actor, { action, entityType: 'user', entityId: scope.userId, details: d }, t);
      return ended;
    });
  }

  /** A person ends one of their own sessions (a lost phone, a shared computer). */
  async function revoke(userId: string, sid: string, actor: AuditActor): Promise<void> {
    const ended = await endAudited({ userId, only: sid }, actor, 'session.end', (e) =>
      e.length ? { session: sid } : null,
    );
    if (!ended.length) throw sessionNotFound();
  }

  /** A person signs out everywhere but here (audited when there was anything to end). */
  async function revokeOthers(
    userId: string,
    currentSid: string,
    actor: AuditActor,
  ): Promise<{ ended: number }> {
    const ended = await endAudited({ userId, except: currentSid }, actor, 'session.end_others', (e) =>
      e.length ? { sessions: e.length } : null,
    );
    return { ended: ended.length };
  }

  /** An administrator ends every session of an account (a stolen phone, a departing officer), always audited. */
  async function endAll(userId: string, actor: AuditActor): Promise<{ ended: number }> {
    const ended = await endAudited({ userId }, actor, 'user.sessions_end', (e) => ({ sessions: e.length }));
    return { ended: ended.length };
  }

  /**
   * Sessions ended by another API instance: read every SESSION_SYNC_INTERVAL_MS, with a minute of overlap so a
   * transaction that committed late is not missed (an entry seen twice is harmless). The first read covers one
   * access-token lifetime, so a restarted instance refuses what was signed out before it started.
   */
  function sync() {
    const ttlMs = config.ACCESS_TOKEN_TTL_SECONDS * 1000;
    let since = new Date(Date.now() - ttlMs - 60_000);
    let timer: ReturnType<typeof setInterval> | undefined;
    let running: Promise<void> | undefined;
    async function poll(): Promise<number> {
      const rows = await sequelize.query<{ family_id: string; ended_at: Date }>(
        `SELECT family_id, max(revoked_at) AS ended_at FROM refresh_tokens WHERE revoked_at > :since GROUP BY family_id`,
        { replacements: { since }, type: QueryTypes.SELECT },
      );
      let latest = since.getTime();
      for (const r of rows) {
        const at = new Date(r.ended_at).getTime();
        signer.endSession(r.family_id, at);
        latest = Math.max(latest, at);
      }
      since = new Date(Math.max(latest - 60_000, Date.now() - ttlMs - 60_000));
      return rows.length;
    }
    const tick = () => {
      running ??= poll()
        .then(() => undefined)
        .catch((err: unknown) => log.warn({ err }, 'reading ended sessions failed'))
        .finally(() => (running = undefined));
      return running;
    };
    return {
      poll,
      async start() {
        await tick();
        if (config.SESSION_SYNC_INTERVAL_MS > 0) {
          timer = setInterval(tick, config.SESSION_SYNC_INTERVAL_MS);
          timer.unref();
        }
      },
      async stop() {
        clearInterval(timer);
        await running;
      },
    };
  }

  return {
    end,
    list,
    revoke,
    revokeOthers,
    endAll,
    /** Told of every session that ends, here or (through `sync`) on another instance. */
    onEnded: (listener: (sid: string) => void) => signer.onSessionEnded(listener),
    sync: sync(),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
