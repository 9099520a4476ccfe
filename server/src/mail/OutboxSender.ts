/**
 * Sends what the outbox holds: claims the mail due longest, hands it to the transport, and
 * marks it sent — or counts the failure and makes it due again after a backoff. Runs when
 * woken (a mail was just enqueued) and every poll interval (retries that became due, mails
 * that other processes enqueued or left behind); starting it sends whatever a previous run
 * left pending.
 *
 * At least once: a mail is marked sent only after the transport took it, so a crash between
 * the two sends it again — with the same Message-ID, as it was composed once. Never twice at
 * the same time: a mail is sent only under a claim (see OutboxStore), and an attempt is given
 * up on well before the claim's lease runs out.
 */
import type { ClaimedMail, OutboxStore } from '../storage/OutboxStore.js';
import type { MailTransport } from './MailTransport.js';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retryDelay.js';

export interface OutboxSenderOptions {
  outbox: OutboxStore;
  transport: MailTransport;
  log: (message: string) => void;
  /** How often to look for due mails without being woken. */
  pollIntervalMs?: number;
  retry?: RetryPolicy;
  /** How long one attempt may take before it is given up on (counts as failed). */
  attemptTimeoutMs?: number;
  /** How long a claim keeps other processes off a mail: longer than an attempt may take. */
  leaseMs?: number;
  /** At stop, how long an attempt under way may still finish before it is cut off. */
  stopGraceMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

const DEFAULT_POLL_INTERVAL_MS = 5_000;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 2 * 60_000;
const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_STOP_GRACE_MS = 5_000;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class OutboxSender {
  readonly #outbox: OutboxStore;
  readonly #transport: MailTransport;
  readonly #log: (message: string) => void;
  readonly #pollIntervalMs: number;
  readonly #retry: RetryPolicy;
  readonly #attemptTimeoutMs: number;
  readonly #leaseMs: number;
  readonly #stopGraceMs: number;
  readonly #now: () => Date;

  #timer: NodeJS.Timeout | undefined;
  /** The round under way, if any: one at a time. */
  #round: Promise<void> | undefined;
  /** Woken during a round: look once more when it ends, the new mail may have been missed. */
  #wokenMeanwhile = false;
  #stopped = false;
  /** Aborts the attempt under way, if any. */
  #attempt: AbortController | undefined;

  constructor(options: OutboxSenderOptions) {
    this.#outbox = options.outbox;
    this.#transport = options.transport;
    this.#log = options.log;
    this.#pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    // What keeps two processes from sending one mail at once.
    if (this.#leaseMs <= this.#attemptTimeoutMs) {
      throw new Error('The outbox lease must be longer than an attempt may take');
    }
    this.#stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
    this.#now = options.now ?? (() => new Date());
  }

  /** Sends what is pending now, and keeps looking every poll interval until `stop`. */
  start(): void {
    this.wake();
  }

  /** Looks for due mails now (after an enqueue), not at the next poll. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#round) {
      this.#wokenMeanwhile = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#round = this.#sendDue().finally(() => {
      this.#round = undefined;
      if (this.#stopped) return;
      const again = this.#wokenMeanwhile;
      this.#wokenMeanwhile = false;
      this.#timer = setTimeout(() => this.wake(), again ? 0 : this.#pollIntervalMs);
      // Waiting for the next poll must not keep a process alive that is otherwise done.
      this.#timer.unref();
    });
  }

  /**
   * Stops looking; lets an attempt under way finish for a moment, then cuts it off (it counts
   * as failed and is retried after the restart). Call before the outbox's storage is closed.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const round = this.#round;
    if (round) {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        round,
        new Promise<void>((resolve) => (grace = setTimeout(resolve, this.#stopGraceMs))),
      ]);
      clearTimeout(grace);
      this.#attempt?.abort(new Error('the server is stopping'));
      await round;
    }
    await this.#transport.close();
  }

  /** Sends due mails one by one until none is due, one fails, or the sender is stopped. */
  async #sendDue(): Promise<void> {
    try {
      while (!this.#stopped) {
        const claimed = await this.#outbox.claimNext({ now: this.#now(), leaseMs: this.#leaseMs });
        if (!claimed) return;
        // After a failure the round ends: when the server is down, every further mail would
        // wait out the same timeout. The next poll goes on with the mails not yet tried.
        if (!(await this.#try(claimed))) return;
      }
    } catch (error) {
      // The outbox could not be read (the database is away): the next poll tries again.
      this.#log(`could not look for mail to send: ${reasonOf(error)}`);
    }
  }

  /** One attempt at one mail; whether it was handed over. */
  async #try(mail: ClaimedMail): Promise<boolean> {
    const attempt = new AbortController();
    const deadline = setTimeout(
      () => attempt.abort(new Error(`no answer within ${this.#attemptTimeoutMs} ms`)),
      this.#attemptTimeoutMs,
    );
    this.#attempt = attempt;
    try {
      await this.#transport.send(mail, attempt.signal);
    } catch (error) {
      const failures = mail.attempts + 1;
      const retryAt = new Date(this.#now().getTime() + retryDelay(failures, this.#retry));
      const reason = reasonOf(error);
      this.#log(
        `mail ${mail.id} ("${mail.subject}") not sent, attempt ${failures}: ${reason}; ` +
          `next attempt at ${retryAt.toISOString()}`,
      );
      await this.#outbox.markFailed(mail, { error: reason, retryAt });
      return false;
    } finally {
      clearTimeout(deadline);
      this.#attempt = undefined;
    }
    try {
      await this.#outbox.markSent(mail.id, this.#now());
    } catch (error) {
      // Its claim runs out and it is sent again, as the same Message-ID: a copy, never a loss.
      this.#log(`mail ${mail.id} was sent but could not be marked so: ${reasonOf(error)}`);
    }
    return true;
  }
}
