import type { AuditEvent } from '@standpunt/shared';

const COLUMNS = ['seq', 'at', 'type', 'actor', 'municipality', 'paperId', 'details'] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The audit trail as CSV: one row per event, the type-specific fields as JSON in `details`. */
export function auditCsv(events: readonly AuditEvent[]): string {
  const rows = events.map((event) => {
    const { seq, at, type, actor, paperId, ...details } = event;
    return [
      String(seq),
      at,
      type,
      actor?.name ?? '',
      actor?.municipality ?? '',
      paperId ?? '',
      JSON.stringify(details),
    ]
      .map(cell)
      .join(',');
  });
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
