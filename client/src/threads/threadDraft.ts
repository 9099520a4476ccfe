/** The thread someone is writing: what they selected when they chose to respond. */
import { MAX_QUOTE_LENGTH, type ThreadAnchor, type ThreadKind } from '@standpunt/shared';
import type { Editor } from '@tiptap/core';
import { editorContentRef } from './contentRef';
import { encodeAnchor } from './threadAnchors';

export interface ThreadDraft {
  kind: ThreadKind;
  /** Null for a comment on the whole paper. */
  anchor: ThreadAnchor | null;
  /** Exactly the text the server will read between the anchors (blocks joined by a space). */
  quote: string;
  /** Text just before the selection, to show where an insertion goes. */
  before: string;
}

export type DraftOutcome =
  | { type: 'ok'; draft: ThreadDraft }
  /** A comment needs selected text; a suggestion may be a bare cursor (an insertion). */
  | { type: 'needsSelection' }
  | { type: 'tooLong' };

const BEFORE_CHARS = 30;

export function wholePaperDraft(): ThreadDraft {
  return { kind: 'comment', anchor: null, quote: '', before: '' };
}

/**
 * A draft for the editor's current selection. The anchor is made now, so it follows edits
 * made by others while the person writes.
 */
export function draftFromSelection(editor: Editor, kind: ThreadKind): DraftOutcome {
  const { from, to } = editor.state.selection;
  if (kind === 'comment' && from === to) return { type: 'needsSelection' };
  const content = editorContentRef(editor);
  if (!content) return { type: 'needsSelection' };
  const { doc } = editor.state;
  const quote = doc.textBetween(from, to, ' ', ' ');
  if (quote.length > MAX_QUOTE_LENGTH) return { type: 'tooLong' };
  const $from = doc.resolve(from);
  const before = doc.textBetween(Math.max($from.start(), from - BEFORE_CHARS), from, ' ', ' ');
  return { type: 'ok', draft: { kind, anchor: encodeAnchor(content, from, to), quote, before } };
}
