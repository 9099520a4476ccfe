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
  /** The events that match, oldest first. */
  query(filter?: AuditFilter): Promise<AuditEvent[]>;
  close(): Promise<void>;
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
