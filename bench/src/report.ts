import { display, FIGURES } from './figures.js';
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from './servers.js';

export type Results = Map<string, Partial<Record<ServerKind, number | null>>>;

const REFERENCES = SERVER_KINDS.filter((kind) => kind !== 'ours');

function ratio(ours: number | null | undefined, reference: number | null | undefined): string {
  if (ours == null || reference == null || Number.isNaN(ours) || Number.isNaN(reference)) {
    return 'n/a';
  }
  if (reference === 0) return ours === 0 ? '1.00' : '∞';
  const value = ours / reference;
  return value < 0.1 ? value.toPrecision(1) : value.toFixed(2);
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
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
