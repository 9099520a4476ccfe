import { Transform } from '@tiptap/pm/transform';
import { updateYFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { CONTENT_FRAGMENT, type ThreadAnchor } from '@standpunt/shared';
import { contentView, isOrphaned, resolveAnchor } from './contentAnchors.js';

export type ApplyOutcome =
  { applied: true } | { applied: false; reason: 'orphaned' | 'changed'; current: string };

/**
 * Replaces the anchored text by the suggestion's replacement — but only while the anchored
 * text still equals the quote the municipality responded to. Call inside one transaction of the
 * content doc, so every client sees the whole change at once.
 */
export function applySuggestion(
  ydoc: Y.Doc,
  anchor: ThreadAnchor,
  quote: string,
  replacement: string,
): ApplyOutcome {
  const view = contentView(ydoc);
  const resolved = resolveAnchor(ydoc, anchor, view);
  if (!resolved || isOrphaned(quote, resolved)) {
    return { applied: false, reason: 'orphaned', current: '' };
  }
  if (resolved.text !== quote) return { applied: false, reason: 'changed', current: resolved.text };
  const transform = new Transform(view.doc);
  if (replacement) {
    // The new text takes the marks of the text it replaces (bold stays bold).
    const marks = view.doc.resolve(resolved.from + (resolved.to > resolved.from ? 1 : 0)).marks();
    transform.replaceWith(
      resolved.from,
      resolved.to,
      view.doc.type.schema.text(replacement, marks),
    );
  } else {
    transform.delete(resolved.from, resolved.to);
  }
  // Writes only the difference into the fragment, as the editor's own binding does.
  updateYFragment(ydoc, ydoc.getXmlFragment(CONTENT_FRAGMENT), transform.doc, view.meta);
  return { applied: true };
}
