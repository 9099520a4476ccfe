import type { AuditEvent } from '@standpunt/shared';

const COLUMNS = ['seq', 'at', 'type', 'actor', 'municipality', 'paperId', 'details'] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV's header line, with its line break. */
export const AUDIT_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** Events as CSV lines (each with its line break), the type-specific fields as JSON. */
export function auditCsvRows(events: readonly AuditEvent[]): string {
  return events
    .map((event) => {
      const { seq, at, type, actor, paperId, ...details } = event;
      return `${[
        String(seq),
        at,
        type,
        actor?.name ?? '',
        actor?.municipality ?? '',
        paperId ?? '',
        JSON.stringify(details),
      ]
        .map(cell)
        .join(',')}\r\n`;
    })
    .join('');
}

/** The audit trail as CSV: one row per event, the type-specific fields as JSON in `details`. */
export function auditCsv(events: readonly AuditEvent[]): string {
  return AUDIT_CSV_HEADER + auditCsvRows(events);
}
