/**
 * The reactienota as data: every response to a paper, by paragraph of the consultation draft,
 * with what was done with it, and how many municipalities took part. The HTML, DOCX and CSV
 * renderers only lay this out.
 */
import {
  blockCitation,
  findMunicipality,
  MUNICIPALITIES,
  organisationName,
  PROVINCES,
  STANCES,
  THREAD_STATUSES,
  WHOLE_PAPER,
  type Draft,
  type Position,
  type Province,
  type Stance,
  type Thread,
  type ThreadKind,
  type ThreadStatus,
} from '@standpunt/shared';
import { plainText } from '../drafts/plainText.js';
import type { PaperResponses } from './loadResponses.js';

export interface NotaThread {
  id: string;
  municipality: string;
  organisation: string;
  kind: ThreadKind;
  body: string;
  quote: string;
  replacement: string | null;
  status: ThreadStatus;
  rationale: string;
  /** The draft and paragraph the thread recorded when it was made. */
  draft: number | null;
  paragraph: string | null;
  createdAt: string;
  /** The quoted text is no longer in the live text (an accepted suggestion's never counts). */
  orphaned: boolean;
}

export interface NotaPosition {
  municipality: string;
  organisation: string;
  stance: Stance;
  explanation: string;
  at: string;
}

export interface NotaSection {
  blockId: string | null;
  /** `3`, `§ 1.2`, or null for the groups that are no paragraph. */
  citation: string | null;
  title: string;
  /** The paragraph's text in the draft ('' for the groups). */
  text: string;
  threads: NotaThread[];
  positions: NotaPosition[];
}

export interface ProvinceParticipation {
  province: Province;
  responded: number;
  total: number;
}

export interface Reactienota {
  paper: { id: string; title: string; theme: string; phase: string };
  draft: Pick<Draft, 'number' | 'label' | 'phase' | 'frozenAt' | 'sha256'>;
  /** Paragraphs of the draft that received responses, in the draft's order. */
  paragraphs: NotaSection[];
  wholePaper: NotaSection;
  /** Responses to blocks the draft does not have (added to the text after it was frozen). */
  notInDraft: NotaSection;
  /**
   * Threads whose quoted text is gone and whose paragraph is not in the draft either, listed
   * with their quote. (An orphaned thread on a paragraph of the draft stays with that
   * paragraph, flagged: it still responds to that numbered text.)
   */
  orphaned: NotaSection;
  participation: { responded: number; total: number; byProvince: ProvinceParticipation[] };
  dispositions: Record<ThreadStatus, number>;
  stances: Record<Stance, number>;
}

function notaThread(thread: Thread, orphaned: boolean): NotaThread {
  return {
    id: thread.id,
    municipality: thread.author.municipality,
    organisation: organisationName(thread.author.municipality),
    kind: thread.kind,
    body: thread.body,
    quote: thread.quote,
    replacement: thread.replacement,
    status: thread.status,
    rationale: thread.disposition?.rationale ?? '',
    draft: thread.draft ?? null,
    paragraph: thread.paragraph ?? null,
    createdAt: thread.createdAt,
    orphaned,
  };
}

function notaPosition(position: Position): NotaPosition {
  const { municipality, stance, explanation, at } = position;
  return { municipality, organisation: organisationName(municipality), stance, explanation, at };
}

const group = (title: string): NotaSection => ({
  blockId: null,
  citation: null,
  title,
  text: '',
  threads: [],
  positions: [],
});

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export function buildReactienota(
  paper: Reactienota['paper'],
  draft: Draft,
  responses: PaperResponses,
): Reactienota {
  const sections = new Map<string, NotaSection>();
  (draft.content.content ?? []).forEach((node, index) => {
    const numbered = draft.numbering[index];
    if (!numbered?.id || sections.has(numbered.id)) return;
    const citation = blockCitation(numbered);
    sections.set(numbered.id, {
      blockId: numbered.id,
      citation,
      title:
        citation === null
          ? 'Alinea zonder nummer'
          : numbered.kind === 'heading'
            ? citation
            : `Alinea ${citation}`,
      text: plainText(node),
      threads: [],
      positions: [],
    });
  });
  const wholePaper = group('Het positionpaper als geheel');
  const notInDraft = group('Reacties op tekst die niet in deze versie staat');
  const orphaned = group('Verweesde reacties (de geciteerde tekst is verwijderd)');
  const dispositions = zeroes(THREAD_STATUSES);
  const stances = zeroes(STANCES);
  const responded = new Set<string>();

  for (const thread of responses.threads) {
    dispositions[thread.status]++;
    // A withdrawn thread was taken back by its author: counted, but no longer a response.
    if (thread.status === 'withdrawn') continue;
    responded.add(thread.author.municipality);
    // Accepting a suggestion replaces its quote on purpose: that is no orphan.
    const lost =
      responses.orphaned.has(thread.id) &&
      !(thread.kind === 'suggestion' && thread.status === 'accepted');
    const section = thread.blockId ? sections.get(thread.blockId) : undefined;
    const target = !thread.anchor ? wholePaper : (section ?? (lost ? orphaned : notInDraft));
    target.threads.push(notaThread(thread, lost));
  }
  for (const position of responses.positions) {
    stances[position.stance]++;
    responded.add(position.municipality);
    const target =
      position.blockId === WHOLE_PAPER
        ? wholePaper
        : (sections.get(position.blockId) ?? notInDraft);
    target.positions.push(notaPosition(position));
  }
  for (const section of [...sections.values(), wholePaper, notInDraft]) {
    section.positions.sort((a, b) => a.organisation.localeCompare(b.organisation, 'nl'));
  }

  const municipalities = [...responded].filter((code) => findMunicipality(code));
  const byProvince = PROVINCES.map((province) => ({
    province,
    responded: municipalities.filter((code) => findMunicipality(code)?.province === province)
      .length,
    total: MUNICIPALITIES.filter((m) => m.province === province).length,
  }));
  const { number, label, phase, frozenAt, sha256 } = draft;
  return {
    paper,
    draft: { number, label, phase, frozenAt, sha256 },
    paragraphs: [...sections.values()].filter((s) => s.threads.length + s.positions.length > 0),
    wholePaper,
    notInDraft,
    orphaned,
    participation: { responded: municipalities.length, total: MUNICIPALITIES.length, byProvince },
    dispositions,
    stances,
  };
}
