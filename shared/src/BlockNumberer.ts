/** Headings deeper than this are numbered as the deepest level. */
const MAX_SECTION_DEPTH = 3;

/**
 * Numbers top-level blocks in document order, the one way drafts, exports, the reactienota and
 * the live sidebar all cite them: paragraphs, lists and quotes 1, 2, 3 …; headings as sections
 * by level (1, 1.1, 1.1.1). Blocks without text get no number, so a blank line never shifts the
 * numbers people cite. A heading below a missing level counts that level as 0 (`0.1`), rather
 * than borrowing a number from another section.
 */
export class BlockNumberer {
  #paragraphs = 0;
  readonly #sections = new Array<number>(MAX_SECTION_DEPTH).fill(0);

  /** The number of the next block, or null when it has no text. */
  next(kind: string, headingLevel: unknown, hasText: boolean): string | null {
    if (!hasText) return null;
    if (kind !== 'heading') return String(++this.#paragraphs);
    const level = Math.min(MAX_SECTION_DEPTH, Math.max(1, Number(headingLevel) || 1));
    this.#sections[level - 1] = (this.#sections[level - 1] ?? 0) + 1;
    this.#sections.fill(0, level);
    return this.#sections.slice(0, level).join('.');
  }
}
