/**
 * The decorations that show threads in the text. Overlapping threads are cut into segments,
 * each marked with every thread that covers it, so none hides another. Comments are `<mark>`
 * (background and a dotted underline); text a suggestion would replace is `<del>` (struck
 * through), followed by the proposed text as an `<ins>` widget — the element names and the
 * line styles tell them apart for people who do not see the colours.
 */
import type { ThreadKind } from '@standpunt/shared';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface HighlightRange {
  id: string;
  kind: ThreadKind;
  from: number;
  to: number;
  /** The proposed text of a suggestion ('' to delete); null for comments. */
  replacement: string | null;
}

export interface HighlightLabels {
  /** Read before the proposed text, e.g. "voorstel:". */
  proposal: string;
}

export interface Segment {
  from: number;
  to: number;
  ranges: HighlightRange[];
}

/** Cuts the ranges into disjoint segments, each with the ranges that cover all of it. */
export function segmentRanges(ranges: readonly HighlightRange[]): Segment[] {
  const spans = ranges.filter((r) => r.from < r.to);
  const cuts = [...new Set(spans.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const covering = spans.filter((r) => r.from <= from && r.to >= to);
    if (covering.length > 0) segments.push({ from, to, ranges: covering });
  }
  return segments;
}

function segmentDecoration(segment: Segment, active: ReadonlySet<string>): Decoration {
  const suggestion = segment.ranges.some((r) => r.kind === 'suggestion');
  const classes = [
    'standpunt-thread',
    suggestion ? 'standpunt-thread--suggestion' : 'standpunt-thread--comment',
  ];
  if (segment.ranges.length > 1) classes.push('standpunt-thread--overlap');
  if (segment.ranges.some((r) => active.has(r.id))) classes.push('standpunt-thread--active');
  return Decoration.inline(segment.from, segment.to, {
    nodeName: suggestion ? 'del' : 'mark',
    class: classes.join(' '),
    'data-thread-ids': segment.ranges.map((r) => r.id).join(' '),
  });
}

function proposalWidget(range: HighlightRange, labels: HighlightLabels, active: boolean) {
  const replacement = range.replacement ?? '';
  return Decoration.widget(
    range.to,
    () => {
      const ins = document.createElement('ins');
      ins.className = `standpunt-proposal${active ? ' standpunt-proposal--active' : ''}`;
      ins.contentEditable = 'false';
      ins.dataset.threadIds = range.id;
      const marker = document.createElement('span');
      marker.className = 'standpunt-proposal__marker';
      marker.setAttribute('aria-hidden', 'true');
      marker.textContent = '✎';
      const label = document.createElement('span');
      label.className = 'standpunt-visually-hidden';
      label.textContent = `${labels.proposal} `;
      ins.append(marker, label, replacement);
      return ins;
    },
    {
      side: 1,
      marks: [],
      ignoreSelection: true,
      key: `proposal-${range.id}-${active ? 'a' : ''}-${replacement}`,
    },
  );
}

/** All decorations for the given (open, anchored) threads; `active` ones are emphasised. */
export function buildHighlights(
  doc: PmNode,
  ranges: readonly HighlightRange[],
  active: ReadonlySet<string>,
  labels: HighlightLabels,
): DecorationSet {
  const size = doc.content.size;
  const inDoc = ranges.filter((r) => r.from >= 0 && r.to <= size && r.from <= r.to);
  const decorations = segmentRanges(inDoc).map((segment) => segmentDecoration(segment, active));
  for (const range of inDoc) {
    if (range.kind === 'suggestion' && range.replacement) {
      decorations.push(proposalWidget(range, labels, active.has(range.id)));
    }
  }
  return DecorationSet.create(doc, decorations);
}
