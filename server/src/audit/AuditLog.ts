/**
 * The audit trail: every act that matters, in order, only ever appended. Implemented over a
 * file (`FileAuditLog`, the embedded default) and over PostgreSQL (`PgAuditLog`).
 */
import type { AuditActor, AuditDetails, AuditEvent } from '@standpunt/shared';

export interface AuditFilter {
  /** Only events of these papers (editors see the trail of their own papers). */
  paperIds?: ReadonlySet<string>;
  paperId?: string;
  actorId?: string;
  /** Inclusive bounds, ISO 8601. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  events: AuditEvent[];
  total: number;
}

export interface AuditContext {
  actor: AuditActor | null;
  paperId?: string | null;
  ip?: string;
}

export interface AuditLog {
  /**
   * Records an act; resolves once it is durable, with its sequence number (1, 2, … in the
   * order recorded). Await it before answering: an answered act must be on record.
   */
  record(details: AuditDetails, context: AuditContext): Promise<AuditEvent>;
  /** The events that match, oldest first. Holds them all: for a paper's, or a migration. */
  query(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** The last `limit` events that match (oldest first), and how many match in all. */
  latest(filter: AuditFilter, limit: number): Promise<AuditPage>;
  /**
   * The events that match, oldest first, a batch at a time: for an export of any size, written
   * out batch by batch.
   */
  each(filter?: AuditFilter): AsyncIterable<AuditEvent[]>;
  /**
   * Fills an empty log with a whole trail kept elsewhere (`migrate-data`), every event exactly
   * as given: its seq, and its JSON text as `JSON.stringify` writes it. `record` then numbers
   * on after the last. Rejects, storing nothing, when the log holds any event or the trail is
   * not numbered 1, 2, … in order, as `record` numbers (see {@link assertWholeTrail}).
   */
  importAll(events: readonly AuditEvent[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Throws unless `events` are numbered 1, 2, … n in order. A trail with a gap or a repeat did
 * not come from `record`, and importing it would leave numbers `record` hands out again.
 */
export function assertWholeTrail(events: readonly AuditEvent[]): void {
  events.forEach((event, index) => {
    if (event.seq !== index + 1) {
      throw new Error(
        `Cannot import the audit trail: event ${index + 1} has seq ${String(event.seq)}`,
      );
    }
  });
}

/** The event as {@link AuditLog.record} stores it. */
export function auditEvent(seq: number, details: AuditDetails, context: AuditContext): AuditEvent {
  return {
    seq,
    at: new Date().toISOString(),
    actor: context.actor,
    paperId: context.paperId ?? null,
    ...(context.ip ? { ip: context.ip } : {}),
    ...details,
  };
}

/** Whether an event passes a filter: one definition for every implementation's tests. */
export function matchesAuditFilter(event: AuditEvent, filter: AuditFilter): boolean {
  return (
    (!filter.paperIds || (event.paperId !== null && filter.paperIds.has(event.paperId))) &&
    (!filter.paperId || event.paperId === filter.paperId) &&
    (!filter.actorId || event.actor?.userId === filter.actorId) &&
    (!filter.from || event.at >= filter.from) &&
    (!filter.to || event.at <= filter.to)
  );
}
