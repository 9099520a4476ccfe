/**
 * The durable outbox: every mail the server sends is recorded here first, and stays until it
 * has been handed over (to the SMTP server, or written as an `.eml` file). A sender claims one
 * mail at a time, tries it, and marks it sent or failed; a mail whose sender died mid-way is
 * claimed again once its lease has run out, so a crash delays a mail but never loses it.
 */

/** A composed mail as the outbox keeps it: the whole message, fixed when it was enqueued. */
export interface OutgoingMail {
  /** The outbox's own id (see OUTBOX_ID_PATTERN): a file name, and the Message-ID's left part. */
  id: string;
  /**
   * `<…@…>`, as in the message's header. The same on every attempt, so that the receiving side
   * can drop the copy a crash between its acceptance and our mark may cause.
   */
  messageId: string;
  /** The envelope: SMTP's MAIL FROM and RCPT TO (bare addresses). */
  from: string;
  to: string;
  /** The subject as written (the message holds it encoded), for the log. */
  subject: string;
  /** The RFC 5322 message, CRLF line ends, 7-bit: sent and written as it is, byte for byte. */
  raw: string;
  /** When it was enqueued (ISO); also its Date header. */
  createdAt: string;
}

/** A mail in the outbox, with how far its sending has come. */
export interface OutboxEntry extends OutgoingMail {
  /** Failed attempts so far. */
  attempts: number;
  /** Not tried before this time (ISO); a new mail is due at once. */
  nextAttemptAt: string;
  /** Why the last attempt failed, as the SMTP server or the network said. */
  lastError: string | null;
  /** When it was handed over (ISO); null while pending. */
  sentAt: string | null;
}

/** A pending mail one sender has claimed: nobody else claims it until the lease runs out. */
export interface ClaimedMail extends OutboxEntry {
  /** Names this claim; only its holder may report the mail failed. */
  claim: string;
}

export interface ClaimOptions {
  /** The sender's clock: what is due, and when the lease ends. */
  now: Date;
  /** How long the claim keeps other senders off: longer than any attempt can take. */
  leaseMs: number;
}

export interface FailedAttempt {
  /** What went wrong, for the entry (and the administrator reading it). */
  error: string;
  /** When to try again. */
  retryAt: Date;
}

export interface OutboxStore {
  /**
   * Records `mail` as pending; resolves only once it is durable (flushed to disk, committed),
   * so a caller may answer the request that caused it. Rejects with {@link OutboxIdTakenError}
   * when the outbox holds that id already.
   */
  enqueue(mail: OutgoingMail): Promise<void>;
  /**
   * The pending mail that is due longest, claimed for `leaseMs`; null when none is due or
   * every due one is claimed. Two senders at once never claim the same mail.
   */
  claimNext(options: ClaimOptions): Promise<ClaimedMail | null>;
  /**
   * Marks the mail handed over and ends any claim on it. Needs no claim: a mail sent is sent,
   * even if its lease ran out meanwhile. False when it is unknown or marked already.
   */
  markSent(id: string, sentAt: Date): Promise<boolean>;
  /**
   * Counts a failed attempt and makes the mail due again at `retryAt`. False, and nothing
   * changed, when the claim is no longer the mail's (its lease ran out and another sender took
   * it) or the mail was marked sent meanwhile.
   */
  markFailed(claimed: ClaimedMail, failure: FailedAttempt): Promise<boolean>;
  /** The mail, pending or sent; null when the outbox never held it. */
  find(id: string): Promise<OutboxEntry | null>;
  /** Every pending mail, oldest first (claimed or not). */
  pending(): Promise<OutboxEntry[]>;
}

/** What an outbox id looks like; it becomes a file name, so nothing else may pass. */
export const OUTBOX_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Throws unless `id` is safe to use as a file name. */
export function assertOutboxId(id: string): void {
  if (!OUTBOX_ID_PATTERN.test(id)) {
    throw new Error(`Invalid outbox id: ${JSON.stringify(id.slice(0, 80))}`);
  }
}

export class OutboxIdTakenError extends Error {
  constructor(readonly id: string) {
    super(`The outbox holds a mail with id ${id} already`);
  }
}

/** The entry a newly enqueued mail starts as: pending, due at once. */
export function newOutboxEntry(mail: OutgoingMail): OutboxEntry {
  // Field by field: whatever else the caller's object carries is not the outbox's to keep.
  const { id, messageId, from, to, subject, raw, createdAt } = mail;
  return {
    id,
    messageId,
    from,
    to,
    subject,
    raw,
    createdAt,
    attempts: 0,
    nextAttemptAt: mail.createdAt,
    lastError: null,
    sentAt: null,
  };
}
