/**
 * A TipTap extension that draws threads in the text (see {@link buildHighlights}). React tells
 * it where the threads are with {@link setThreadHighlights}; between two such updates, local
 * edits move the ranges along with the text.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { buildHighlights, type HighlightLabels, type HighlightRange } from './highlightDecorations';

interface HighlightState {
  ranges: HighlightRange[];
  active: ReadonlySet<string>;
  labels: HighlightLabels;
  decorations: DecorationSet;
}

export interface HighlightUpdate {
  ranges?: HighlightRange[];
  active?: ReadonlySet<string>;
  labels?: HighlightLabels;
}

export const threadHighlightsKey = new PluginKey<HighlightState>('threadHighlights');

/** Replaces what the highlights show; parts left out stay as they are. */
export function setThreadHighlights(editor: Editor, update: HighlightUpdate): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(threadHighlightsKey, update));
}

function threadHighlightsPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: threadHighlightsKey,
    state: {
      init: (_, state) => {
        const empty = { ranges: [], active: new Set<string>(), labels: { proposal: '' } };
        return {
          ...empty,
          decorations: buildHighlights(state.doc, [], empty.active, empty.labels),
        };
      },
      apply: (tr, previous) => {
        const update = tr.getMeta(threadHighlightsKey) as HighlightUpdate | undefined;
        if (!update && (!tr.docChanged || previous.ranges.length === 0)) return previous;
        const ranges =
          update?.ranges ??
          previous.ranges.map((range) => {
            const from = tr.mapping.map(range.from, 1);
            return { ...range, from, to: Math.max(from, tr.mapping.map(range.to, -1)) };
          });
        const active = update?.active ?? previous.active;
        const labels = update?.labels ?? previous.labels;
        return {
          ranges,
          active,
          labels,
          decorations: buildHighlights(tr.doc, ranges, active, labels),
        };
      },
    },
    props: {
      decorations: (state) => threadHighlightsKey.getState(state)?.decorations,
    },
  });
}

export const ThreadHighlights = Extension.create({
  name: 'threadHighlights',
  addProseMirrorPlugins() {
    return [threadHighlightsPlugin()];
  },
});
