import { display, FIGURES } from './figures.js';
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from './servers.js';

export type Results = Map<string, Partial<Record<ServerKind, number | null>>>;

const REFERENCES = SERVER_KINDS.filter((kind) => kind !== 'ours');

/** `value / reference` as the tables show it; n/a when either is missing. */
export function ratio(
  value: number | null | undefined,
  reference: number | null | undefined,
): string {
  if (value == null || reference == null || Number.isNaN(value) || Number.isNaN(reference)) {
    return 'n/a';
  }
  if (reference === 0) return value === 0 ? '1.00' : '∞';
  const quotient = value / reference;
  return quotient < 0.1 ? quotient.toPrecision(1) : quotient.toFixed(2);
}

/** A markdown table of `rows` under `header`. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One markdown table: figure, target, ours, each reference, ours/reference, target met. */
export function resultsTable(results: Results): string {
  const header = [
    'figure',
    'target (ours)',
    SERVER_LABELS.ours,
    ...REFERENCES.map((kind) => SERVER_LABELS[kind]),
    ...REFERENCES.map((kind) => `ours / ${kind}`),
    'met',
  ];
  const rows = FIGURES.filter((figure) => results.has(figure.id)).map((figure) => {
    const values = results.get(figure.id) ?? {};
    const met = figure.met ? (figure.met(values) ? 'yes' : '**no**') : '';
    return [
      `${figure.label} (${figure.unit})`,
      figure.target ?? '',
      display(figure, values.ours),
      ...REFERENCES.map((kind) => display(figure, values[kind])),
      ...REFERENCES.map((kind) => ratio(values.ours, values[kind])),
      met,
    ];
  });
  return markdownTable(header, rows);
}
