import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { CONTENT_FRAGMENT, paperSchema } from '@standpunt/shared';
import type { PaperState } from '../storage/DocumentStore.js';

/**
 * The docs of a new paper: the title as its first heading and an empty paragraph, each with
 * its block id, so the first people to open it start from one shared text instead of racing
 * to create it.
 */
export function initialPaperState(title: string): PaperState {
  const content = prosemirrorJSONToYDoc(
    paperSchema(),
    {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 1, id: randomUUID() },
          content: [{ type: 'text', text: title }],
        },
        { type: 'paragraph', attrs: { id: randomUUID() } },
      ],
    },
    CONTENT_FRAGMENT,
  );
  return {
    content: Y.encodeStateAsUpdate(content),
    threads: Y.encodeStateAsUpdate(new Y.Doc()),
  };
}
