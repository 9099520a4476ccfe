/**
 * The paper schema: the one list of TipTap extensions that defines which nodes, marks and
 * attributes a paper may contain. The client adds collaboration on top; the server builds its
 * ProseMirror schema from the same list.
 */
import { getSchema, type Extensions } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import UniqueID from '@tiptap/extension-unique-id';
import { BLOCK_ID_ATTRIBUTE } from './docLayout.js';
import { isAllowedLinkHref } from './links.js';

/** Node types that are top-level blocks and so carry a stable block id. */
export const BLOCK_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote'];

/** Heading levels a paper may use (the server refuses others in incoming updates). */
export const HEADING_LEVELS = [1, 2, 3] as const;

export interface PaperExtensionsOptions {
  /**
   * Return false for transactions whose new blocks must not get ids here — on the client, the
   * ones that came from other people (they assigned the ids already). Without this, every
   * client would race to id the same remote block.
   */
  assignBlockIds?: (transaction: Transaction) => boolean;
}

export function paperExtensions(options: PaperExtensionsOptions = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      // Collaborative editing brings its own undo (Yjs UndoManager: one's own edits only).
      undoRedo: false,
      // Appending a paragraph after a final list is a write every client would make at once
      // on opening (duplicates under Yjs, refused writes for readers).
      trailingNode: false,
      link: false,
    }),
    // Not inclusive: text typed right after a link is plain text, as in word processors
    // (autolink would otherwise make the mark inclusive).
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => isAllowedLinkHref(url),
      shouldAutoLink: (url) => isAllowedLinkHref(url),
    }),
    UniqueID.configure({
      types: BLOCK_TYPES,
      attributeName: BLOCK_ID_ATTRIBUTE,
      filterTransaction: options.assignBlockIds ?? null,
    }),
  ];
}

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of a paper, built once. */
export function paperSchema(): Schema {
  cachedSchema ??= getSchema(paperExtensions());
  return cachedSchema;
}
