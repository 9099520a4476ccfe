/**
 * The threads doc (`/collab/<paperId>/threads`), written only by the server: inline comments and
 * suggestions with their replies and dispositions, and each municipality's positions.
 */
import { z } from 'zod';
import type { AuditActor } from './audit.js';

export const THREAD_KINDS = ['comment', 'suggestion'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** `withdrawn`: taken back by its author before anyone processed it. */
export const THREAD_STATUSES = ['open', 'accepted', 'rejected', 'resolved', 'withdrawn'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Dispositions an editor can give (and `open` to reopen). */
export const DISPOSITIONS = ['open', 'accepted', 'rejected', 'resolved'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Two base64 `Y.RelativePosition`s into the content doc: the anchor follows every edit. */
export interface ThreadAnchor {
  from: string;
  to: string;
}

export interface ThreadReply {
  id: string;
  body: string;
  author: AuditActor;
  createdAt: string;
}

export interface Thread {
  id: string;
  kind: ThreadKind;
  /** Null for a comment on the paper as a whole. */
  anchor: ThreadAnchor | null;
  /** The anchored text when the thread was made (empty for an insertion point). */
  quote: string;
  /** Text just before and after the quote, to show and to recognise the place. */
  context: { before: string; after: string };
  /** The proposed text of a suggestion ('' proposes deleting the quote); null for comments. */
  replacement: string | null;
  body: string;
  author: AuditActor;
  createdAt: string;
  updatedAt: string;
  /** The top-level block the anchor started in when the thread was made. */
  blockId: string | null;
  /** The consultation draft the thread responds to, if one was frozen. */
  draft: number | null;
  /**
   * How the block the anchor starts in is cited in that draft (`3`, or `§ 1.2` for a heading;
   * see `blockCitation`); null without a draft, for the whole paper, or for a block the draft
   * does not have. Missing on threads made before drafts existed: read it as null.
   */
  paragraph: string | null;
  status: ThreadStatus;
  disposition: { by: AuditActor; at: string; rationale: string } | null;
  replies: ThreadReply[];
}

/** Longest quote a thread may anchor (about two pages). */
export const MAX_QUOTE_LENGTH = 10_000;
const body = z.string().trim().min(1, 'Schrijf een reactie').max(10_000);
const base64 = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9+/=]+$/, 'Geen geldig anker');

export const createThreadRequestSchema = z
  .object({
    kind: z.enum(THREAD_KINDS),
    anchor: z.object({ from: base64, to: base64 }).nullable().optional(),
    quote: z.string().max(MAX_QUOTE_LENGTH).default(''),
    body,
    replacement: z.string().max(MAX_QUOTE_LENGTH).optional(),
  })
  .refine((t) => t.kind === 'comment' || t.anchor, {
    message: 'Een tekstvoorstel hoort bij een plek in de tekst',
    path: ['anchor'],
  })
  .refine((t) => t.kind === 'comment' || t.replacement !== undefined, {
    message: 'Een tekstvoorstel heeft een voorgestelde tekst (leeg: verwijderen)',
    path: ['replacement'],
  })
  .refine((t) => t.kind === 'suggestion' || t.replacement === undefined, {
    message: 'Alleen een tekstvoorstel heeft een voorgestelde tekst',
    path: ['replacement'],
  });
export type CreateThreadRequest = z.infer<typeof createThreadRequestSchema>;

export const editThreadRequestSchema = z
  .object({ body: body.optional(), replacement: z.string().max(MAX_QUOTE_LENGTH).optional() })
  .refine((t) => t.body !== undefined || t.replacement !== undefined, 'Niets te wijzigen');
export type EditThreadRequest = z.infer<typeof editThreadRequestSchema>;

export const replyRequestSchema = z.object({ body });
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

export const dispositionRequestSchema = z
  .object({
    status: z.enum(DISPOSITIONS),
    rationale: z.string().trim().max(10_000).default(''),
  })
  .refine((d) => d.status !== 'rejected' || d.rationale.length > 0, {
    message: 'Geef bij afwijzen een motivering',
    path: ['rationale'],
  });
export type DispositionRequest = z.infer<typeof dispositionRequestSchema>;

// Positions

export const STANCES = ['steunt', 'steunt-met-wijzigingen', 'steunt-niet'] as const;
export type Stance = (typeof STANCES)[number];

/** The block id that stands for the paper as a whole. */
export const WHOLE_PAPER = 'paper';

export interface PositionEntry {
  stance: Stance;
  explanation: string;
  by: AuditActor;
  at: string;
}

/** One municipality's current position on one block, with every earlier one. */
export interface Position extends PositionEntry {
  blockId: string;
  municipality: string;
  history: PositionEntry[];
}

export const positionRequestSchema = z
  .object({
    stance: z.enum(STANCES),
    explanation: z.string().trim().max(10_000).default(''),
  })
  .refine((p) => p.stance === 'steunt' || p.explanation.length > 0, {
    message: 'Licht een standpunt toe als je (deels) niet steunt',
    path: ['explanation'],
  });
export type PositionRequest = z.infer<typeof positionRequestSchema>;

/** Key of a position in the positions map: one per municipality per block. */
export function positionKey(blockId: string, municipality: string): string {
  return `${blockId}|${municipality}`;
}

export type StanceTally = Record<Stance, number>;

/** Counts of current positions per block id (and `paper`). */
export function tallyPositions(positions: Iterable<Position>): Map<string, StanceTally> {
  const tallies = new Map<string, StanceTally>();
  for (const position of positions) {
    const tally = tallies.get(position.blockId) ?? {
      steunt: 0,
      'steunt-met-wijzigingen': 0,
      'steunt-niet': 0,
    };
    tally[position.stance]++;
    tallies.set(position.blockId, tally);
  }
  return tallies;
}
