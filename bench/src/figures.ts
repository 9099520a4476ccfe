import type { ServerKind } from './servers.js';

export interface Figure {
  id: string;
  /** Scenario letter and what is measured. */
  label: string;
  unit: 'ms' | 'KB' | 'KiB/s' | 'msg/s';
  /** The target for ours, as text. */
  target?: string;
  /** Whether ours meets the target, given every server's value in the same run. */
  met?(values: Partial<Record<ServerKind, number | null>>): boolean;
}

/** The longest event-loop block the issue allows: f's target, and the cluster bench's. */
export const BLOCK_LIMIT_MS = 20;

const atMost =
  (limit: number) =>
  (values: Partial<Record<ServerKind, number | null>>): boolean =>
    values.ours != null && values.ours <= limit;

export const FIGURES: Figure[] = [
  { id: 'a.p50', label: 'a. 1 typist → 50 receivers, all received, p50', unit: 'ms' },
  {
    id: 'a.p99',
    label: 'a. 1 typist → 50 receivers, all received, p99',
    unit: 'ms',
    target: "≤ y-websocket's",
    met: (v) => v.ours != null && v['y-websocket'] != null && v.ours <= v['y-websocket'],
  },
  { id: 'b.50.p50', label: 'b. 50 clients × 5 keys/s, delivery p50', unit: 'ms' },
  {
    id: 'b.50.p99',
    label: 'b. 50 clients × 5 keys/s, delivery p99',
    unit: 'ms',
    target: '≤ 6 ms',
    met: atMost(6),
  },
  { id: 'b.50.max', label: 'b. 50 clients × 5 keys/s, delivery max', unit: 'ms' },
  { id: 'b.100.p50', label: 'b. 100 clients × 5 keys/s, delivery p50', unit: 'ms' },
  {
    id: 'b.100.p99',
    label: 'b. 100 clients × 5 keys/s, delivery p99',
    unit: 'ms',
    target: '≤ 250 ms',
    met: atMost(250),
  },
  { id: 'b.100.max', label: 'b. 100 clients × 5 keys/s, delivery max', unit: 'ms' },
  { id: 'c.100', label: 'c. reconnect storm, 100 clients synced after', unit: 'ms' },
  {
    id: 'c.500',
    label: 'c. reconnect storm, 500 clients synced after',
    unit: 'ms',
    target: '≤ 800 ms',
    met: atMost(800),
  },
  {
    id: 'd.warm',
    label: 'd. cold load of the trace paper, warm process',
    unit: 'ms',
    target: '≤ 100 ms',
    met: atMost(100),
  },
  {
    id: 'd.fresh',
    label: 'd. cold load of the trace paper, fresh process',
    unit: 'ms',
    target: '≤ 350 ms',
    met: atMost(350),
  },
  {
    id: 'e.heap',
    label: 'e. memory per idle paper (heap + external)',
    unit: 'KB',
    target: '≤ 15 KB',
    met: atMost(15),
  },
  { id: 'e.rss', label: 'e. memory per idle paper (RSS)', unit: 'KB' },
  { id: 'f.bytes', label: 'f. 50 typists / 50 papers: written to storage', unit: 'KiB/s' },
  {
    id: 'f.block',
    label: 'f. 50 typists / 50 papers: longest event-loop block',
    unit: 'ms',
    target: `≤ ${BLOCK_LIMIT_MS} ms`,
    met: atMost(BLOCK_LIMIT_MS),
  },
  {
    id: 'g.rate',
    label: 'g. presence, 500 idle clients: messages sent',
    unit: 'msg/s',
    target: '≤ 2,000/s',
    met: atMost(2000),
  },
  {
    id: 'h.key',
    label: 'h. Chromium: keystroke to painted frame, p95',
    unit: 'ms',
    target: '≤ 16 ms',
    met: atMost(16),
  },
  { id: 'h.keyDom', label: 'h. Chromium: keystroke to DOM, p95', unit: 'ms' },
  {
    id: 'h.keyAlone',
    label: 'h. Chromium: keystroke to painted frame, p95, nobody else typing',
    unit: 'ms',
  },
  {
    id: 'h.editable',
    label: 'h. Chromium: open to editable (~50 pages)',
    unit: 'ms',
    target: '≤ 1,500 ms',
    met: atMost(1500),
  },
];

/** Figures are stored in bytes/s for f.bytes; shown in KiB/s. */
export function display(figure: Pick<Figure, 'id'>, value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return 'n/a';
  const shown = figure.id === 'f.bytes' ? value / 1024 : value;
  if (shown >= 100) return Math.round(shown).toLocaleString('en-US');
  if (shown >= 10) return shown.toFixed(1);
  return shown.toFixed(2);
}
