/**
 * Anchors of threads in the live text: base64 `Y.RelativePosition`s that the editor makes from
 * a selection and resolves back to ProseMirror positions after every change, with the same
 * Y ↔ ProseMirror mapping the server uses, so both read the same text between them.
 */
import { WHOLE_PAPER, type Thread, type ThreadAnchor } from '@standpunt/shared';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** The editor's map from Y types to ProseMirror nodes (y-tiptap's binding keeps it current). */
export type ContentMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** Where the content lives: the doc, its rich-text fragment and the editor's mapping. */
export interface ContentRef {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: ContentMapping;
  /** Size of the ProseMirror document's content, to clamp positions into. */
  size: number;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(encoded: string): Uint8Array | null {
  try {
    const binary = atob(encoded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.length > 0 ? bytes : null;
  } catch {
    return null;
  }
}

/** The anchor of the ProseMirror range `from`–`to` (equal for an insertion point). */
export function encodeAnchor(content: ContentRef, from: number, to: number): ThreadAnchor {
  const encode = (pos: number) =>
    toBase64(
      Y.encodeRelativePosition(
        absolutePositionToRelativePosition(pos, content.fragment, content.mapping),
      ),
    );
  return { from: encode(from), to: encode(to) };
}

function resolvePosition(content: ContentRef, encoded: string): number | null {
  const bytes = fromBase64(encoded);
  if (!bytes) return null;
  try {
    const relative = Y.decodeRelativePosition(bytes);
    const pos = relativePositionToAbsolutePosition(
      content.ydoc,
      content.fragment,
      relative,
      content.mapping,
    );
    return pos === null ? null : Math.max(0, Math.min(content.size, pos));
  } catch {
    // A malformed position is as lost as a deleted one.
    return null;
  }
}

export interface ResolvedRange {
  from: number;
  to: number;
}

/** The anchor's current range, or null when it no longer points into the text. */
export function resolveAnchor(content: ContentRef, anchor: ThreadAnchor): ResolvedRange | null {
  const from = resolvePosition(content, anchor.from);
  const to = resolvePosition(content, anchor.to);
  if (from === null || to === null) return null;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Where a thread sits in the text now. */
export type Placement =
  | { type: 'paper' }
  | { type: 'anchored'; from: number; to: number }
  /** Its text was deleted: listed apart with its quote, never re-attached to look-alike text. */
  | { type: 'orphaned' };

export interface PlacedThread {
  thread: Thread;
  placement: Placement;
  /**
   * The top-level block the thread is in now (`paper` for the whole paper); for an orphaned
   * thread, the block it was made in.
   */
  blockId: string | null;
}

/**
 * A thread is orphaned when the text it quoted is gone (its anchors collapsed onto each other)
 * or its anchor no longer resolves — the same rule the server applies.
 */
export function placeThread(content: ContentRef, thread: Thread): Placement {
  if (!thread.anchor) return { type: 'paper' };
  const range = resolveAnchor(content, thread.anchor);
  if (!range || (thread.quote.length > 0 && range.from === range.to)) return { type: 'orphaned' };
  return { type: 'anchored', from: range.from, to: range.to };
}

/** Places every thread; `blockIdAt` names the top-level block around a position. */
export function placeThreads(
  content: ContentRef,
  threads: readonly Thread[],
  blockIdAt: (pos: number) => string | null,
): PlacedThread[] {
  return threads.map((thread) => {
    const placement = placeThread(content, thread);
    const blockId =
      placement.type === 'paper'
        ? WHOLE_PAPER
        : placement.type === 'anchored'
          ? blockIdAt(placement.from)
          : thread.blockId;
    return { thread, placement, blockId };
  });
}
