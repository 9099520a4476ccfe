import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { Node as PmNode } from '@tiptap/pm/model';
import { liveBlocks, sameBlockOutline, sameBlocks, type LiveBlock } from './liveBlocks';

/**
 * The live text's blocks, read again at most once per frame after the text changed, and a new
 * list only when a block came, went, or got another number or excerpt: typing inside a
 * paragraph — by far the most frequent change, with many people at work — re-renders nothing
 * that depends on the blocks.
 */
export function useLiveBlocks(editor: Editor | null): readonly LiveBlock[] {
  const [blocks, setBlocks] = useState<readonly LiveBlock[]>([]);

  useEffect(() => {
    if (!editor) return;
    let frame: number | null = null;
    let read: PmNode | null = null;
    const refresh = () => {
      frame = null;
      if (editor.isDestroyed) return;
      const { doc } = editor.state;
      if (read && sameBlockOutline(read, doc)) return;
      read = doc;
      const next = liveBlocks(doc);
      setBlocks((previous) => (sameBlocks(previous, next) ? previous : next));
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged && frame === null) frame = requestAnimationFrame(refresh);
    };
    refresh();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor]);

  return blocks;
}
