/**
 * Claims of access tokens whose signature this process already checked, keyed by the exact token
 * text. An app sends the same token with every request until it expires, and an Ed25519 check costs
 * more than the rest of a simple request; identical bytes need no second check. Only tokens that
 * passed full verification enter; an entry is used only before the token's own `exp`, and the
 * oldest entries leave first when the cache is full.
 */
export class VerifiedTokenCache<C> {
  private readonly entries = new Map<string, { claims: C; expiresAtMs: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The claims of a token verified before and not yet expired; undefined otherwise. */
  get(token: string): C | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.expiresAtMs <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.claims;
  }

  /** Remember a token that just passed verification; `expSeconds` is its `exp` claim. */
  set(token: string, claims: C, expSeconds: number): void {
    if (this.maxEntries <= 0) return;
    const expiresAtMs = expSeconds * 1000;
    if (expiresAtMs <= this.now()) return;
    this.entries.delete(token);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(token, { claims, expiresAtMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
