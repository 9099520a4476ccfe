/**
 * Lets keyboard users select text in a read-only editor — readers and commenters respond to a
 * selection, but a non-editable page has no caret. The arrow keys, Home, End and Ctrl+A move
 * the editor's selection (Shift extends it); a drawn caret shows where it is, and a range is
 * mirrored into the page's selection so it looks and reads like any selected text.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, Selection, TextSelection, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { readOnlyMove, type ReadOnlyMove } from './readOnlyMoves';

interface CaretState {
  focused: boolean;
  /** The selection was last moved with the keyboard (a mouse selection needs no drawn caret). */
  keyboard: boolean;
}

const key = new PluginKey<CaretState>('readOnlyCaret');

const MOVES: Record<string, ReadOnlyMove> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'home',
  End: 'end',
};

/**
 * Up or down one line: the position under the caret on the next line, or — between blocks,
 * where margins leave no text under it — the nearest text position in the next block.
 */
function verticalMove(view: EditorView, dir: -1 | 1, extend: boolean): TextSelection | null {
  const { state } = view;
  const { head, $head } = state.selection;
  const coords = view.coordsAtPos(head);
  const found = view.posAtCoords({
    left: coords.left,
    top: dir < 0 ? coords.top - 4 : coords.bottom + 4,
  });
  let target: number | null = null;
  if (found && found.pos !== head && state.doc.resolve(found.pos).parent.inlineContent) {
    const line = view.coordsAtPos(found.pos);
    const moved = dir < 0 ? line.bottom <= coords.top + 1 : line.top >= coords.bottom - 1;
    if (moved) target = found.pos;
  }
  if (target === null && $head.depth > 0) {
    const beyond = dir < 0 ? $head.before() : $head.after();
    target = Selection.findFrom(state.doc.resolve(beyond), dir, true)?.head ?? null;
  }
  if (target === null) return null;
  return TextSelection.create(state.doc, extend ? state.selection.anchor : target, target);
}

function nextSelection(view: EditorView, event: KeyboardEvent): TextSelection | null {
  const modifier = event.ctrlKey || event.metaKey;
  if (modifier && !event.altKey && event.key.toLowerCase() === 'a') {
    return readOnlyMove(view.state, 'all', false);
  }
  if (modifier || event.altKey) return null;
  if (event.key === 'ArrowUp') return verticalMove(view, -1, event.shiftKey);
  if (event.key === 'ArrowDown') return verticalMove(view, 1, event.shiftKey);
  const move = MOVES[event.key];
  return move ? readOnlyMove(view.state, move, event.shiftKey) : null;
}

/** Shows a range as the page's own selection, as if it had been selected with the mouse. */
function mirrorToPage(view: EditorView): void {
  const { from, to, empty } = view.state.selection;
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection) return;
  if (empty) {
    selection.removeAllRanges();
    return;
  }
  const start = view.domAtPos(from);
  const end = view.domAtPos(to);
  selection.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
}

function withMeta(tr: Transaction, state: Partial<CaretState>): Transaction {
  return tr.setMeta(key, state);
}

function caretWidget(): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'standpunt-readonly-caret';
  caret.setAttribute('aria-hidden', 'true');
  return caret;
}

export const ReadOnlyCaret = Extension.create({
  name: 'readOnlyCaret',
  addProseMirrorPlugins() {
    return [
      new Plugin<CaretState>({
        key,
        state: {
          init: () => ({ focused: false, keyboard: false }),
          apply: (tr, previous) => {
            const meta = tr.getMeta(key) as Partial<CaretState> | undefined;
            return meta ? { ...previous, ...meta } : previous;
          },
        },
        props: {
          decorations: (state) => {
            const caret = key.getState(state);
            if (!caret?.focused || !caret.keyboard || !state.selection.empty) return null;
            return DecorationSet.create(state.doc, [
              Decoration.widget(state.selection.head, caretWidget, { side: 0, key: 'caret' }),
            ]);
          },
          handleDOMEvents: {
            keydown: (view, event) => {
              if (view.editable) return false;
              const selection = nextSelection(view, event);
              if (!selection) return false;
              event.preventDefault();
              view.dispatch(
                withMeta(view.state.tr.setSelection(selection), {
                  keyboard: true,
                }).scrollIntoView(),
              );
              mirrorToPage(view);
              return true;
            },
            mousedown: (view) => {
              if (key.getState(view.state)?.keyboard) {
                view.dispatch(withMeta(view.state.tr, { keyboard: false }));
              }
              return false;
            },
            focus: (view) => {
              view.dispatch(withMeta(view.state.tr, { focused: true }));
              return false;
            },
            blur: (view) => {
              view.dispatch(withMeta(view.state.tr, { focused: false }));
              return false;
            },
          },
        },
      }),
    ];
  },
});
