/**
 * Freezing and reading drafts. Drafts are immutable, so the only shared state is the next
 * number: freezes of one paper run one after the other.
 */
import * as Y from 'yjs';
import {
  type AuditActor,
  type Draft,
  type DraftSummary,
  type NumberedBlock,
  type Phase,
  type PmNodeJson,
} from '@standpunt/shared';
import type { AuditLog } from '../audit/AuditLog.js';
import { HttpError } from '../http/HttpError.js';
import { DraftIntegrityError, type DraftStore } from '../storage/DraftStore.js';
import type { PaperDocs } from '../threads/ThreadService.js';
import { contentView } from '../threads/contentAnchors.js';
import { canonicalJson } from './canonicalJson.js';
import type { ComparableVersion } from './compareDrafts.js';
import { draftHash } from './draftHash.js';
import { numberBlocks } from './numberBlocks.js';

/** The paper fields a draft copies. */
export interface DraftPaper {
  id: string;
  title: string;
  theme: string;
}

export interface DraftServiceOptions {
  papers: PaperDocs;
  store: DraftStore;
  audit: AuditLog;
  log(message: string): void;
}

/** What a new thread records: the draft it responds to and that draft's numbering. */
export interface DraftNumbering {
  number: number;
  numbering: NumberedBlock[];
}

export class DraftService {
  readonly #options: DraftServiceOptions;
  readonly #freezing = new Map<string, Promise<unknown>>();
  /** Numbering of each paper's latest draft, once read and verified; drafts never change. */
  readonly #latestNumbering = new Map<string, DraftNumbering | null>();

  constructor(options: DraftServiceOptions) {
    this.#options = options;
  }

  /**
   * Freezes the live text as the paper's next draft. With `onlyIfChanged`, returns null
   * instead when the text equals that of the latest draft.
   */
  freeze(
    paper: DraftPaper,
    phase: Phase,
    by: AuditActor,
    label: string,
    onlyIfChanged = false,
  ): Promise<Draft | null> {
    // One chain per paper (bounded by the number of papers); a failed freeze does not block it.
    const run = (this.#freezing.get(paper.id) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.#freeze(paper, phase, by, label, onlyIfChanged));
    this.#freezing.set(paper.id, run);
    return run;
  }

  async list(paperId: string): Promise<DraftSummary[]> {
    const numbers = await this.#options.store.list(paperId);
    const drafts = await Promise.all(numbers.map((n) => this.get(paperId, n)));
    return drafts.map(summarize);
  }

  /** The draft, verified; 404 when there is none, 500 when it fails verification. */
  async get(paperId: string, number: number): Promise<Draft> {
    const draft = await this.#load(paperId, number);
    if (!draft) throw new HttpError('not_found', `Versie ${number} bestaat niet.`);
    return draft;
  }

  async latest(paperId: string): Promise<Draft | null> {
    const numbers = await this.#options.store.list(paperId);
    const last = numbers.at(-1);
    return last === undefined ? null : this.get(paperId, last);
  }

  /** The latest draft frozen in consultatie; else the latest draft; else null. */
  async consultationDraft(paperId: string): Promise<Draft | null> {
    const numbers = await this.#options.store.list(paperId);
    for (const n of [...numbers].reverse()) {
      const draft = await this.get(paperId, n);
      if (draft.phase === 'consultatie') return draft;
    }
    return this.latest(paperId);
  }

  /** The latest draft's number and numbering, for stamping new threads. */
  async latestNumbering(paperId: string): Promise<DraftNumbering | null> {
    if (!this.#latestNumbering.has(paperId)) {
      const draft = await this.latest(paperId);
      this.#latestNumbering.set(paperId, draft && pickNumbering(draft));
    }
    return this.#latestNumbering.get(paperId) ?? null;
  }

  /** The live text as a version to compare. */
  live(paperId: string): Promise<ComparableVersion> {
    return this.#options.papers.withPaper(paperId, (paper) => {
      const content = contentView(paper.content.doc).doc.toJSON() as PmNodeJson;
      return { paperId, ref: 'live' as const, content, numbering: numberBlocks(content) };
    });
  }

  async #freeze(
    paper: DraftPaper,
    phase: Phase,
    by: AuditActor,
    label: string,
    onlyIfChanged: boolean,
  ): Promise<Draft | null> {
    const { store, audit } = this.#options;
    const numbers = await store.list(paper.id);
    const last = numbers.at(-1);
    const { content, yjsState } = await this.#options.papers.withPaper(paper.id, async (loaded) => {
      // A draft holds only text that is stored: what clients sent this tick is written first.
      await loaded.content.whenStored();
      return {
        content: contentView(loaded.content.doc).doc.toJSON() as PmNodeJson,
        yjsState: Buffer.from(Y.encodeStateAsUpdate(loaded.content.doc)).toString('base64'),
      };
    });
    if (onlyIfChanged && last !== undefined) {
      const previous = await this.get(paper.id, last);
      if (canonicalJson(previous.content) === canonicalJson(content)) return null;
    }
    const unhashed: Omit<Draft, 'sha256'> = {
      paperId: paper.id,
      number: (last ?? 0) + 1,
      label,
      phase,
      frozenBy: by,
      frozenAt: new Date().toISOString(),
      title: paper.title,
      theme: paper.theme,
      yjsState,
      content,
      numbering: numberBlocks(content),
    };
    const draft: Draft = { ...unhashed, sha256: draftHash(unhashed) };
    await store.save(draft);
    this.#latestNumbering.set(paper.id, pickNumbering(draft));
    await audit.record(
      { type: 'draft.frozen', number: draft.number, sha256: draft.sha256 },
      { actor: by, paperId: paper.id },
    );
    return draft;
  }

  async #load(paperId: string, number: number): Promise<Draft | null> {
    try {
      return await this.#options.store.load(paperId, number);
    } catch (error) {
      if (!(error instanceof DraftIntegrityError)) throw error;
      // Never served: a draft that does not match its hash is not the draft that was frozen.
      this.#options.log(`DRAFT INTEGRITY: ${error.message}`);
      throw new HttpError(
        'internal',
        `Versie ${number} van dit positionpaper is beschadigd of gewijzigd: de inhoud klopt niet ` +
          'met de vastgelegde sha256-hash. De versie wordt daarom niet getoond. Meld dit bij de beheerder.',
      );
    }
  }
}

function pickNumbering(draft: Draft): DraftNumbering {
  return { number: draft.number, numbering: draft.numbering };
}

/** A draft without its large fields. */
export function summarize(draft: Draft): DraftSummary {
  const { yjsState: _state, content: _content, numbering, ...summary } = draft;
  return { ...summary, numberedBlocks: numbering.filter((b) => b.number !== null).length };
}
