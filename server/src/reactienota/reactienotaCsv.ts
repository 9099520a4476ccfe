import { cell } from '../audit/auditCsv.js';
import type { NotaSection, Reactienota } from './buildReactienota.js';
import { KIND_LABELS, STANCE_LABELS, STATUS_LABELS } from './notaLabels.js';
import { notaSections } from './notaMetadata.js';

const COLUMNS = [
  'Alinea',
  'Blok',
  'Soort',
  'Gemeente',
  'CBS-code',
  'Type',
  'Status',
  'Nog niet verwerkt',
  'Citaat',
  'Citaat verwijderd',
  'Voorgestelde tekst',
  'Reactie of toelichting',
  'Motivering',
  'Versie bij reactie',
  'Datum',
];

function sectionRows(section: NotaSection): string[][] {
  const where = section.citation ?? section.title;
  const block = section.blockId ?? '';
  return [
    ...section.threads.map((t) => [
      where,
      block,
      'Reactie',
      t.organisation,
      t.municipality,
      KIND_LABELS[t.kind],
      STATUS_LABELS[t.status],
      t.status === 'open' ? 'ja' : 'nee',
      t.quote,
      t.orphaned ? 'ja' : 'nee',
      t.replacement ?? '',
      t.body,
      t.rationale,
      t.draft === null ? '' : String(t.draft),
      t.createdAt,
    ]),
    ...section.positions.map((p) => [
      where,
      block,
      'Standpunt',
      p.organisation,
      p.municipality,
      STANCE_LABELS[p.stance],
      '',
      '',
      '',
      '',
      '',
      p.explanation,
      '',
      '',
      p.at,
    ]),
  ];
}

/**
 * The reactienota as CSV (RFC 4180, CRLF): one row per thread and per position, in the order
 * of the nota. Cells go through the audit CSV's `cell`, so no cell runs as a formula.
 */
export function reactienotaCsv(nota: Reactienota): string {
  const rows = notaSections(nota).flatMap(sectionRows);
  return [COLUMNS, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
