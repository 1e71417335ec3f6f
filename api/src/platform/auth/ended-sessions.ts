/**
 * Sessions that ended while access tokens of theirs may still be unexpired. An access token carries its session
 * (`sid`) and lives ACCESS_TOKEN_TTL_SECONDS; a session that ended at T can only have tokens issued before T, so
 * after T + TTL (+ a minute of clock skew between instances) nothing of it can pass verification and the entry
 * leaves. The set stays as small as the number of sign-outs in one token lifetime.
 */
export class EndedSessions {
  private readonly until = new Map<string, number>();
  private nextSweep = 0;

  constructor(
    private readonly tokenTtlMs: number,
    private readonly now: () => number = Date.now,
    private readonly skewMs = 60_000,
  ) {}

  get size(): number {
    return this.until.size;
  }

  /** True when the session was not already known to have ended. */
  add(sid: string, endedAtMs: number = this.now()): boolean {
    const until = endedAtMs + this.tokenTtlMs + this.skewMs;
    if (until <= this.now()) return false;
    const known = this.has(sid);
    if ((this.until.get(sid) ?? 0) < until) this.until.set(sid, until);
    this.sweep();
    return !known;
  }

  has(sid: string): boolean {
    if (this.until.size === 0) return false;
    const until = this.until.get(sid);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.until.delete(sid);
    return false;
  }

  /** Drops what can no longer matter, at most once a minute. */
  private sweep(): void {
    const now = this.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + 60_000;
    for (const [sid, until] of this.until) if (until <= now) this.until.delete(sid);
  }
}
