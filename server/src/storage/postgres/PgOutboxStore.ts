/**
 * The outbox over PostgreSQL, shared by every server process on the database. A claim is a
 * lease written into the row (`claim`, `claimed_until`) by one short statement, not a row lock
 * held while the mail is sent: an SMTP conversation may take seconds, and a transaction open
 * that long across the network would hold a connection and block vacuum. `for update skip
 * locked` lets two processes claiming at the same moment pass over each other's row instead of
 * waiting for it; one that finds a row just claimed sees the new lease (PostgreSQL re-checks
 * the condition on the latest version of a row it locks) and skips it. A process that dies
 * holding a lease leaves its mail to whoever claims after `claimed_until`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  assertOutboxId,
  newOutboxEntry,
  OutboxIdTakenError,
  type ClaimedMail,
  type ClaimOptions,
  type FailedAttempt,
  type OutboxEntry,
  type OutboxStore,
  type OutgoingMail,
} from '../OutboxStore.js';
import { toIso, type Database, type OutboxTable } from './database.js';
import { holdsNul } from './holdsNul.js';
import { isUniqueViolation } from './pgErrors.js';

function entryOf(row: Selectable<OutboxTable>): OutboxEntry {
  return {
    id: row.id,
    messageId: row.message_id,
    from: row.sender,
    to: row.recipient,
    subject: row.subject,
    raw: row.message,
    createdAt: toIso(row.created_at),
    attempts: row.attempts,
    nextAttemptAt: toIso(row.next_attempt_at),
    lastError: row.last_error,
    sentAt: row.sent_at === null ? null : toIso(row.sent_at),
  };
}

export class PgOutboxStore implements OutboxStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async enqueue(mail: OutgoingMail): Promise<void> {
    // Refused as the file store refuses it, so an outbox moves between backends unchanged.
    assertOutboxId(mail.id);
    const entry = newOutboxEntry(mail);
    try {
      await this.#db
        .insertInto('outbox')
        .values({
          id: entry.id,
          message_id: entry.messageId,
          sender: entry.from,
          recipient: entry.to,
          subject: entry.subject,
          message: entry.raw,
          created_at: entry.createdAt,
          attempts: entry.attempts,
          next_attempt_at: entry.nextAttemptAt,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new OutboxIdTakenError(mail.id);
      throw error;
    }
  }

  async claimNext({ now, leaseMs }: ClaimOptions): Promise<ClaimedMail | null> {
    const claim = randomUUID();
    const row = await this.#db
      .updateTable('outbox')
      .set({ claim, claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('sent_at', 'is', null)
          .where('next_attempt_at', '<=', now)
          .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
          .orderBy('next_attempt_at')
          .orderBy('created_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst();
    return row ? { ...entryOf(row), claim } : null;
  }

  async markSent(id: string, sentAt: Date): Promise<boolean> {
    if (holdsNul(id)) return false;
    const result = await this.#db
      .updateTable('outbox')
      .set({ sent_at: sentAt.toISOString(), claim: null, claimed_until: null })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async markFailed(claimed: ClaimedMail, { error, retryAt }: FailedAttempt): Promise<boolean> {
    const result = await this.#db
      .updateTable('outbox')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        next_attempt_at: retryAt.toISOString(),
        // An error message may hold anything the server said; text cannot hold U+0000.
        last_error: error.replaceAll('\u0000', ''),
        claim: null,
        claimed_until: null,
      }))
      .where('id', '=', claimed.id)
      .where('claim', '=', claimed.claim)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async find(id: string): Promise<OutboxEntry | null> {
    if (holdsNul(id)) return null;
    const row = await this.#db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? entryOf(row) : null;
  }

  async pending(): Promise<OutboxEntry[]> {
    const rows = await this.#db
      .selectFrom('outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(entryOf);
  }
}
