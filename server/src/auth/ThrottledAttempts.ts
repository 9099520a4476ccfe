/**
 * The audit trail's record of sign-in attempts refused by the throttle: one line per burst,
 * with the count, not one per attempt. Anyone can send refused attempts as fast as the
 * network carries them, and a line each would let them grow the trail without bound.
 *
 * A burst is what arrives for one e-mail address from one client address within `burstMs` of
 * its first refused attempt; its line is written when that time is up (or at stop). Past
 * `maxBursts` at once (many addresses, say) the rest are counted together in one line.
 */
import type { AuditLog } from '../audit/AuditLog.js';

interface Burst {
  email: string;
  ip: string;
  attempts: number;
}

/** The key under which attempts are counted once there are too many bursts at once. */
const OVERFLOW = '*';

export class ThrottledAttempts {
  readonly #bursts = new Map<string, Burst>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly audit: Pick<AuditLog, 'record'>,
    private readonly options: { burstMs: number; maxBursts: number; log: (line: string) => void },
  ) {}

  /** Counts one refused attempt. */
  note(email: string, ip: string): void {
    let key = `${email}\u0000${ip}`;
    if (!this.#bursts.has(key) && this.#bursts.size >= this.options.maxBursts) key = OVERFLOW;
    const burst = this.#bursts.get(key);
    if (burst) {
      burst.attempts++;
      return;
    }
    const overflow = key === OVERFLOW;
    this.#bursts.set(key, {
      email: overflow ? OVERFLOW : email,
      ip: overflow ? OVERFLOW : ip,
      attempts: 1,
    });
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#write(key);
    }, this.options.burstMs);
    timer.unref();
    this.#timers.add(timer);
  }

  /** Writes every burst still being counted (at stop). */
  async flush(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await Promise.all([...this.#bursts.keys()].map((key) => this.#write(key)));
  }

  async #write(key: string): Promise<void> {
    const burst = this.#bursts.get(key);
    if (!burst) return;
    this.#bursts.delete(key);
    try {
      await this.audit.record(
        {
          type: 'auth.login_failed',
          email: burst.email,
          reason: 'throttled',
          attempts: burst.attempts,
        },
        { actor: null, ip: burst.ip },
      );
    } catch (error) {
      this.options.log(`could not record refused sign-ins: ${String(error)}`);
    }
  }
}
