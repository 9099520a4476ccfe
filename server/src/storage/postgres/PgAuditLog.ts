/**
 * The audit trail over PostgreSQL: one row per act in `audit_events`, numbered by its identity
 * column. The event is stored as the very JSON text the file trail writes (a `json` column
 * keeps text and key order), next to the columns queries filter on.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditDetails, AuditEvent } from '@standpunt/shared';
import {
  assertWholeTrail,
  auditEvent,
  type AuditContext,
  type AuditFilter,
  type AuditLog,
  type AuditPage,
} from '../../audit/AuditLog.js';
import type { Database } from './database.js';
import { holdsNul } from './holdsNul.js';
import { PendingWrites } from './PendingWrites.js';

/** Events per batch of `each`. */
const EACH_BATCH = 1000;

/** Events per insert in importAll, so that no one statement carries the whole trail. */
const IMPORT_BATCH = 1000;

/** How the JSON of an event with seq 0 begins: `seq` is its first key (see `auditEvent`). */
const SEQ_PLACEHOLDER = '{"seq":0';

export class PgAuditLog implements AuditLog {
  readonly #db: Kysely<Database>;
  readonly #writes = new PendingWrites();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async record(details: AuditDetails, context: AuditContext): Promise<AuditEvent> {
    const event = auditEvent(0, details, context);
    const json = JSON.stringify(event);
    if (!json.startsWith(SEQ_PLACEHOLDER)) throw new Error('An audit event must begin with seq');
    // One statement takes the next number and writes the row with the JSON completed by it,
    // so no row is ever without its event, and a failed insert leaves nothing half-written.
    const { rows } = await this.#writes.track(
      sql<{ seq: string }>`
        insert into audit_events (seq, at, paper_id, actor_user_id, event)
        overriding system value
        select next.seq, ${event.at}::timestamptz, ${event.paperId}::text,
          ${event.actor?.userId ?? null}::text,
          ('{"seq":' || next.seq || ${json.slice(SEQ_PLACEHOLDER.length)}::text)::json
        from (select nextval(pg_get_serial_sequence('audit_events', 'seq')) as seq) as next
        returning seq`.execute(this.#db),
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) throw new Error('The audit event was not stored');
    return { ...event, seq: Number(seq) };
  }

  async importAll(events: readonly AuditEvent[]): Promise<void> {
    assertWholeTrail(events);
    await this.#writes.track(
      this.#db.transaction().execute(async (trx) => {
        const held = await trx.selectFrom('audit_events').select('seq').limit(1).executeTakeFirst();
        if (held) throw new Error('Cannot import: the database holds audit events already');
        for (let at = 0; at < events.length; at += IMPORT_BATCH) {
          const batch = events.slice(at, at + IMPORT_BATCH);
          // The event's own seq, not the identity's next number; arrays keep the statement's
          // parameters at five, however many events.
          await sql`
            insert into audit_events (seq, at, paper_id, actor_user_id, event)
            overriding system value
            select * from unnest(
              ${batch.map((event) => event.seq)}::bigint[],
              ${batch.map((event) => event.at)}::timestamptz[],
              ${batch.map((event) => event.paperId)}::text[],
              ${batch.map((event) => event.actor?.userId ?? null)}::text[],
              ${batch.map((event) => JSON.stringify(event))}::json[])`.execute(trx);
        }
        // `record` takes its numbers from the identity's sequence: on from the last imported.
        // (A sequence is not transactional: should this transaction roll back, it stays moved.)
        if (events.length > 0) {
          await sql`
            select setval(pg_get_serial_sequence('audit_events', 'seq'), ${events.length})`.execute(
            trx,
          );
        }
      }),
    );
  }

  async query(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    for await (const batch of this.each(filter)) events.push(...batch);
    return events;
  }

  async latest(filter: AuditFilter, limit: number): Promise<AuditPage> {
    const matching = this.#matching(filter);
    if (!matching) return { events: [], total: 0 };
    const [rows, count] = await Promise.all([
      matching.select(['seq', 'event']).orderBy('seq', 'desc').limit(limit).execute(),
      matching.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return {
      events: rows.reverse().map((row) => row.event as AuditEvent),
      total: Number(count.total),
    };
  }

  /** Batches by seq (keyset), so that no one query holds the whole trail. */
  async *each(filter: AuditFilter = {}): AsyncIterable<AuditEvent[]> {
    const matching = this.#matching(filter);
    if (!matching) return;
    let after = 0;
    while (true) {
      const rows = await matching
        .select(['seq', 'event'])
        .where('seq', '>', String(after))
        .orderBy('seq')
        .limit(EACH_BATCH)
        .execute();
      if (rows.length === 0) return;
      yield rows.map((row) => row.event as AuditEvent);
      after = Number(rows[rows.length - 1]!.seq);
      if (rows.length < EACH_BATCH) return;
    }
  }

  /** Filters as `matchesAuditFilter` does, in the database, so only matches travel. */
  #matching(filter: AuditFilter) {
    // No stored id holds NUL (see holdsNul): such an id matches nothing.
    if (holdsNul(filter.paperId ?? '', filter.actorId ?? '')) return null;
    const paperIds = filter.paperIds && [...filter.paperIds].filter((id) => !holdsNul(id));
    let query = this.#db.selectFrom('audit_events');
    if (paperIds) query = query.where(sql<boolean>`paper_id = any(${paperIds}::text[])`);
    if (filter.paperId) query = query.where('paper_id', '=', filter.paperId);
    if (filter.actorId) query = query.where('actor_user_id', '=', filter.actorId);
    if (filter.from) query = query.where('at', '>=', sql<Date>`${filter.from}::timestamptz`);
    if (filter.to) query = query.where('at', '<=', sql<Date>`${filter.to}::timestamptz`);
    return query;
  }

  /** Waits for events being recorded; the pool is the caller's to close (it is shared). */
  async close(): Promise<void> {
    await this.#writes.settled();
  }
}
