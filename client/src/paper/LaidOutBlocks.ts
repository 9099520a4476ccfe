/**
 * Marks the top-level blocks the caret can reach in one step, so they are always laid out.
 *
 * The paper lays out only the blocks that are on screen (`content-visibility: auto` in
 * document.css), which keeps a 50-page paper quick while others type in it. But Chromium
 * treats a block that has just been added, or has just become skippable, as skipped until
 * the next frame, and its caret cannot enter a skipped block: a letter typed right after
 * Enter landed behind the caret, and Ctrl+End right after a click stopped at the start of
 * the last block. Keys can come faster than frames, so the blocks they can reach are never
 * skippable: the blocks holding the selection's ends and their neighbours, and the first and
 * last blocks of the paper (Ctrl+Home, Ctrl+End). The marks are set in the transaction that
 * moves the selection or adds the block, so a new paragraph is rendered already marked.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const LAID_OUT_CLASS = 'standpunt-laid-out';

const key = new PluginKey<DecorationSet>('laidOutBlocks');

/** Indexes, in document order, of the top-level blocks the caret can reach in one step. */
export function reachableBlockIndexes(state: EditorState): number[] {
  const { doc, selection } = state;
  const last = doc.childCount - 1;
  const indexes = new Set<number>([0, last]);
  for (const pos of [selection.anchor, selection.head]) {
    // At the very end of the document the index is one past the last block.
    const index = Math.min(doc.resolve(pos).index(0), last);
    for (const near of [index - 1, index, index + 1]) {
      if (near >= 0 && near <= last) indexes.add(near);
    }
  }
  return [...indexes].sort((a, b) => a - b);
}

function decorate(state: EditorState): DecorationSet {
  const { doc } = state;
  const decorations: Decoration[] = [];
  let index = 0;
  let start = 0;
  for (const wanted of reachableBlockIndexes(state)) {
    for (; index < wanted; index++) start += doc.child(index).nodeSize;
    decorations.push(
      Decoration.node(start, start + doc.child(wanted).nodeSize, { class: LAID_OUT_CLASS }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

export const LaidOutBlocks = Extension.create({
  name: 'laidOutBlocks',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorate(state),
          apply: (tr, previous, _old, state) =>
            tr.docChanged || tr.selectionSet ? decorate(state) : previous,
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
