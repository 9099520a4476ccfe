/**
 * Caret moves in a read-only editor, where the browser gives keyboard users no caret: the
 * selection moves by character, block start or end, or everything, and Shift extends it.
 */
import { Selection, TextSelection, type EditorState } from '@tiptap/pm/state';

export type ReadOnlyMove = 'left' | 'right' | 'home' | 'end' | 'all';

/** A text position `dir` steps from `pos`, skipping block boundaries; null past either end. */
function step(state: EditorState, pos: number, dir: -1 | 1): number | null {
  const { doc } = state;
  const next = pos + dir;
  if (next < 0 || next > doc.content.size) return null;
  const $next = doc.resolve(next);
  if ($next.parent.inlineContent) return next;
  const found = Selection.findFrom($next, dir, true);
  return found ? found.head : null;
}

/** The selection after `move`, or null when it would not change. */
export function readOnlyMove(
  state: EditorState,
  move: ReadOnlyMove,
  extend: boolean,
): TextSelection | null {
  const { doc, selection } = state;
  if (move === 'all') {
    const start = Selection.atStart(doc).from;
    const end = Selection.atEnd(doc).to;
    return TextSelection.create(doc, start, end);
  }
  const $head = selection.$head;
  let head: number | null;
  switch (move) {
    case 'left':
      head = !extend && !selection.empty ? selection.from : step(state, $head.pos, -1);
      break;
    case 'right':
      head = !extend && !selection.empty ? selection.to : step(state, $head.pos, 1);
      break;
    case 'home':
      head = $head.parent.inlineContent ? $head.start() : null;
      break;
    case 'end':
      head = $head.parent.inlineContent ? $head.end() : null;
      break;
    default:
      return exhaustive(move);
  }
  if (head === null) return null;
  const anchor = extend ? selection.anchor : head;
  const next = TextSelection.create(doc, anchor, head);
  return next.eq(selection) ? null : next;
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled move: ${String(value)}`);
}
