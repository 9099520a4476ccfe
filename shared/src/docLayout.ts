/**
 * Where things live inside a paper's Y.Docs. Other tools read these documents: change a name
 * here and they break.
 */

/** The content doc's rich text, in the shared TipTap schema. */
export const CONTENT_FRAGMENT = 'default';

/** The threads doc's map of thread id → thread (written by the server only). */
export const THREADS_MAP = 'threads';

/** The threads doc's map of `<blockId>|<municipality>` → position (written by the server only). */
export const POSITIONS_MAP = 'positions';

/** Attribute on every top-level block that keeps its identity across edits and drafts. */
export const BLOCK_ID_ATTRIBUTE = 'id';
