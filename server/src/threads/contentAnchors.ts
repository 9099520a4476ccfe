/**
 * Anchors of threads: base64 `Y.RelativePosition`s into a paper's content fragment, resolved
 * to ProseMirror positions with the same mapping the editor uses, so the server reads exactly
 * the text a person selected.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  BLOCK_ID_ATTRIBUTE,
  CONTENT_FRAGMENT,
  paperSchema,
  type ThreadAnchor,
} from '@standpunt/shared';

/** How much text around a quote a thread keeps to show its place. */
const CONTEXT_CHARS = 40;

export interface ContentView {
  doc: PmNode;
  mapping: Map<unknown, unknown>;
  meta: Parameters<typeof import('@tiptap/y-tiptap').updateYFragment>[3];
}

/** The content fragment as a ProseMirror document, with the Y ↔ PM mapping. */
export function contentView(ydoc: Y.Doc): ContentView {
  const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
  const { doc, meta, mapping } = initProseMirrorDoc(fragment, paperSchema());
  return { doc, mapping, meta: meta as ContentView['meta'] };
}

export interface ResolvedAnchor {
  from: number;
  to: number;
  /** The text between the anchors now. */
  text: string;
  before: string;
  after: string;
  /** Id of the top-level block where the anchor starts. */
  blockId: string | null;
}

function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.length === 0) return null;
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** True when the position refers to an item of this doc that lies inside the content fragment. */
function pointsIntoContent(ydoc: Y.Doc, position: Y.RelativePosition): boolean {
  // Resolving a position that names a root type gets (and so makes) that root: one named by a
  // request must be the content itself, or the request would add a root to the live paper.
  if (position.tname !== null && position.tname !== CONTENT_FRAGMENT) return false;
  const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
  if (!absolute) return false;
  let type: Y.AbstractType<unknown> | null = absolute.type;
  while (type) {
    if (type === (fragment as unknown)) return true;
    type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
  }
  return false;
}

/** Text of the document between two positions, block boundaries as one space. */
function textBetween(doc: PmNode, from: number, to: number): string {
  return doc.textBetween(Math.max(0, from), Math.min(doc.content.size, to), ' ', ' ');
}

/**
 * Resolves an anchor against the current content, or null when it does not decode or does not
 * point into this paper's content.
 */
export function resolveAnchor(
  ydoc: Y.Doc,
  anchor: ThreadAnchor,
  view = contentView(ydoc),
): ResolvedAnchor | null {
  const fromPosition = decodePosition(anchor.from);
  const toPosition = decodePosition(anchor.to);
  if (!fromPosition || !toPosition) return null;
  if (!pointsIntoContent(ydoc, fromPosition) || !pointsIntoContent(ydoc, toPosition)) return null;
  const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
  const mapping = view.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3];
  const from = relativePositionToAbsolutePosition(ydoc, fragment, fromPosition, mapping);
  const to = relativePositionToAbsolutePosition(ydoc, fragment, toPosition, mapping);
  if (from === null || to === null) return null;
  const start = Math.min(from, to);
  const end = Math.max(from, to);
  const $from = view.doc.resolve(start);
  const $to = view.doc.resolve(end);
  const block = $from.depth >= 1 ? $from.node(1) : null;
  // Context stays inside the paragraph the quote starts and ends in.
  return {
    from: start,
    to: end,
    text: textBetween(view.doc, start, end),
    before: textBetween(view.doc, Math.max($from.start(), start - CONTEXT_CHARS), start),
    after: textBetween(view.doc, end, Math.min($to.end(), end + CONTEXT_CHARS)),
    blockId: (block?.attrs[BLOCK_ID_ATTRIBUTE] as string | null | undefined) ?? null,
  };
}

/**
 * A thread is orphaned when the text it quoted is gone: its anchors have collapsed onto each
 * other. It is then listed apart with its quote, never re-attached to look-alike text.
 */
export function isOrphaned(quote: string, resolved: ResolvedAnchor | null): boolean {
  return resolved === null || (quote.length > 0 && resolved.from === resolved.to);
}
