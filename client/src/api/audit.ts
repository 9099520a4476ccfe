import type { AuditEvent } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

/** The audit trail's filters; an empty string means "any". Dates are `YYYY-MM-DD`. */
export interface AuditFilter {
  paper: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { paper: '', actor: '', from: '', to: '' };

/** `/api/audit?…` with only the filters that are set, e.g. for the CSV download link. */
export function auditPath(filter: AuditFilter, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams();
  for (const key of ['paper', 'actor', 'from', 'to'] as const) {
    if (filter[key]) params.set(key, filter[key]);
  }
  if (format === 'csv') params.set('format', 'csv');
  const query = params.toString();
  return query ? `/api/audit?${query}` : '/api/audit';
}

export function fetchAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditEvent[]> {
  return apiFetch<AuditEvent[]>(auditPath(filter), signal ? { signal } : {});
}
