import { BLOCK_ID_ATTRIBUTE } from '@standpunt/shared';
import type { Editor } from '@tiptap/core';
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { LiveBlock } from './liveBlocks';

/** Vertical gap kept between two margin entries, in pixels. */
const GAP = 4;
const ENTRY_HEIGHT = 28;

/**
 * Where each block's margin entry goes: level with the block's top, relative to `column`,
 * pushed down where blocks are shorter than an entry so entries never overlap. Measured again
 * when the text or the layout changes.
 */
export function useBlockOffsets(
  editor: Editor,
  blocks: readonly LiveBlock[],
  column: RefObject<HTMLElement | null>,
): ReadonlyMap<string, number> {
  const [offsets, setOffsets] = useState<ReadonlyMap<string, number>>(new Map());
  const [layoutVersion, setLayoutVersion] = useState(0);

  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined' || editor.isDestroyed) return;
    const observer = new ResizeObserver(() => setLayoutVersion((n) => n + 1));
    observer.observe(editor.view.dom);
    return () => observer.disconnect();
  }, [editor]);

  useLayoutEffect(() => {
    const container = column.current;
    if (!container || editor.isDestroyed) return;
    const base = container.getBoundingClientRect().top;
    const elements = blockElements(editor.view.dom);
    const next = new Map<string, number>();
    let floor = 0;
    for (const block of blocks) {
      const dom = elements.get(block.id);
      if (!dom) continue;
      const top = Math.max(floor, Math.round(dom.getBoundingClientRect().top - base));
      next.set(block.id, top);
      floor = top + ENTRY_HEIGHT + GAP;
    }
    setOffsets((previous) => (sameOffsets(previous, next) ? previous : next));
  }, [editor, blocks, column, layoutVersion]);

  return offsets;
}

/** The editor's top-level block elements by block id (rendered as `data-id`). */
function blockElements(root: HTMLElement): Map<string, HTMLElement> {
  const elements = new Map<string, HTMLElement>();
  for (const child of root.children) {
    const id = child instanceof HTMLElement ? child.dataset[BLOCK_ID_ATTRIBUTE] : undefined;
    if (id) elements.set(id, child as HTMLElement);
  }
  return elements;
}

function sameOffsets(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, top]) => b.get(id) === top);
}
