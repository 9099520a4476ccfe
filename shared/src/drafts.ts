/**
 * Frozen drafts of a paper: numbered per paper, never changed, with stable paragraph numbers
 * that threads and the reactienota cite; their exports and the comparison of two versions.
 */
import { z } from 'zod';
import { singleLine } from './api.js';
import type { AuditActor } from './audit.js';
import type { Phase } from './domain.js';

/** A ProseMirror node as `Node.toJSON()` writes it. */
export interface PmNodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNodeJson[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/**
 * The number of one top-level block. Paragraphs, lists and quotes count 1, 2, 3 … through the
 * whole paper; headings count as sections by level (1, 1.1, 1.1.1). An empty paragraph gets
 * no number (null), so blank lines do not use up numbers that people cite.
 */
export interface NumberedBlock {
  /** The block's stable id; null only for a block that somehow has none. */
  id: string | null;
  /** The node type: `paragraph`, `heading`, `bulletList`, `orderedList` or `blockquote`. */
  kind: string;
  number: string | null;
}

/** Everything frozen in a draft. The hash covers every field but itself. */
export interface Draft {
  paperId: string;
  /** 1, 2, … per paper. */
  number: number;
  label: string;
  /** The phase of the paper when the draft was frozen. */
  phase: Phase;
  frozenBy: AuditActor;
  frozenAt: string;
  title: string;
  theme: string;
  /** base64 of `Y.encodeStateAsUpdate` of the content doc at that moment. */
  yjsState: string;
  /** The content as ProseMirror JSON. */
  content: PmNodeJson;
  /** One entry per top-level block, in document order. */
  numbering: NumberedBlock[];
  /** sha256 (hex) of the canonical JSON (sorted keys, no whitespace) of the other fields. */
  sha256: string;
}

/** A draft without its large fields, for lists. */
export type DraftSummary = Omit<Draft, 'yjsState' | 'content' | 'numbering'> & {
  /** How many blocks carry a number. */
  numberedBlocks: number;
};

export const freezeDraftRequestSchema = z.object({
  label: singleLine(200, 'Geef de versie een naam'),
});
export type FreezeDraftRequest = z.infer<typeof freezeDraftRequestSchema>;

/** The label of the draft frozen when a paper moves to consultatie. */
export const CONSULTATION_DRAFT_LABEL = 'Consultatieversie';

export const DRAFT_EXPORT_FORMATS = ['html', 'pdf', 'docx', 'md', 'json'] as const;
export type DraftExportFormat = (typeof DRAFT_EXPORT_FORMATS)[number];

export const REACTIENOTA_FORMATS = ['html', 'docx', 'csv'] as const;
export type ReactienotaFormat = (typeof REACTIENOTA_FORMATS)[number];

/**
 * How a block is cited: its number, with `§` before a section number so that paragraph 2 and
 * section 2 cannot be mixed up. Null for a block without a number.
 */
export function blockCitation(block: Pick<NumberedBlock, 'kind' | 'number'>): string | null {
  if (block.number === null) return null;
  return block.kind === 'heading' ? `§ ${block.number}` : block.number;
}

// Comparison

export const BLOCK_CHANGES = ['added', 'removed', 'moved', 'changed', 'unchanged'] as const;
/**
 * What happened to a block between two versions, matched by block id. `moved` wins over
 * `changed`: a block that moved and was edited is `moved`, with `textChanged` and `words`.
 */
export type BlockChange = (typeof BLOCK_CHANGES)[number];

/** A run of words: the same in both versions, only in the newer, or only in the older. */
export interface WordDiff {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** One side of a compared block. */
export interface ComparedSide {
  kind: string;
  number: string | null;
  text: string;
}

export interface BlockComparison {
  blockId: string | null;
  change: BlockChange;
  /** The block in the older version (null when added). */
  from: ComparedSide | null;
  /** The block in the newer version (null when removed). */
  to: ComparedSide | null;
  /** True when the block's content (text, marks or attributes) differs. */
  textChanged: boolean;
  /** Word-level differences, when `textChanged`. */
  words: WordDiff[] | null;
}

/** Which version: a draft number, or the live text. */
export type VersionRef = number | 'live';

export interface DraftComparison {
  paperId: string;
  from: VersionRef;
  to: VersionRef;
  /** In the order of the newer (`to`) version; a removed block follows its old predecessor. */
  blocks: BlockComparison[];
  counts: Record<BlockChange, number>;
}
