/**
 * Threads and positions of a paper: every change goes through here, is checked against the
 * current content, written into the threads doc by the server and relayed to every client.
 */
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import {
  POSITIONS_MAP,
  THREADS_MAP,
  WHOLE_PAPER,
  blockCitation,
  positionKey,
  type AuditActor,
  type CreateThreadRequest,
  type DispositionRequest,
  type EditThreadRequest,
  type Position,
  type PositionRequest,
  type Thread,
} from '@standpunt/shared';
import type { AuditLog } from '../audit/AuditLog.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type { DraftNumbering } from '../drafts/DraftService.js';
import { HttpError } from '../http/HttpError.js';
import { applySuggestion } from './applySuggestion.js';
import { contentView, resolveAnchor } from './contentAnchors.js';

/** The part of the sync server this service needs: a loaded paper to change. */
export type PaperDocs = Pick<CollabServer, 'withPaper'>;

function threadsOf(ydoc: Y.Doc): Y.Map<Thread> {
  return ydoc.getMap<Thread>(THREADS_MAP);
}

function positionsOf(ydoc: Y.Doc): Y.Map<Position> {
  return ydoc.getMap<Position>(POSITIONS_MAP);
}

function existingThread(ydoc: Y.Doc, threadId: string): Thread {
  const thread = threadsOf(ydoc).get(threadId);
  if (!thread) throw new HttpError('not_found', 'Deze reactie bestaat niet.');
  return thread;
}

/** Top-level block ids of the content, to check what a position refers to. */
function blockIds(contentDoc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  contentView(contentDoc).doc.forEach((block) => {
    const id = block.attrs.id as unknown;
    if (typeof id === 'string') ids.add(id);
  });
  return ids;
}

/** The draft a new thread of this paper responds to (with its numbering), or null. */
export type DraftForNewThreads = (paperId: string) => Promise<DraftNumbering | null>;

/** How the draft cites the block, e.g. `3` or `§ 1.2`; null when it has no such block. */
function paragraphIn(draft: DraftNumbering | null, blockId: string | null): string | null {
  const block = blockId === null ? undefined : draft?.numbering.find((b) => b.id === blockId);
  return block ? blockCitation(block) : null;
}

export class ThreadService {
  constructor(
    private readonly papers: PaperDocs,
    private readonly audit: AuditLog,
    private readonly draftForNewThreads: DraftForNewThreads = () => Promise.resolve(null),
  ) {}

  /** Every thread and position of the paper, as the threads doc holds them. */
  list(paperId: string): Promise<{ threads: Thread[]; positions: Position[] }> {
    return this.papers.withPaper(paperId, (paper) => ({
      threads: [...threadsOf(paper.threads.doc).values()],
      positions: [...positionsOf(paper.threads.doc).values()],
    }));
  }

  async create(paperId: string, author: AuditActor, request: CreateThreadRequest): Promise<Thread> {
    const draft = await this.draftForNewThreads(paperId);
    return this.papers.withPaper(paperId, async (paper) => {
      const now = new Date().toISOString();
      let placement: Pick<Thread, 'anchor' | 'quote' | 'context' | 'blockId'> = {
        anchor: null,
        quote: '',
        context: { before: '', after: '' },
        blockId: null,
      };
      if (request.anchor) {
        const resolved = resolveAnchor(paper.content.doc, request.anchor);
        if (!resolved) {
          throw new HttpError(
            'bad_request',
            'Het anker wijst niet naar tekst in dit positionpaper.',
          );
        }
        if (resolved.text !== request.quote) {
          throw new HttpError(
            'bad_request',
            'Het citaat komt niet overeen met de tekst op die plek.',
          );
        }
        placement = {
          anchor: request.anchor,
          quote: resolved.text,
          context: { before: resolved.before, after: resolved.after },
          blockId: resolved.blockId,
        };
      }
      const thread: Thread = {
        id: randomUUID(),
        kind: request.kind,
        ...placement,
        replacement: request.kind === 'suggestion' ? (request.replacement ?? '') : null,
        body: request.body,
        author,
        createdAt: now,
        updatedAt: now,
        draft: draft?.number ?? null,
        paragraph: paragraphIn(draft, placement.blockId),
        status: 'open',
        disposition: null,
        replies: [],
      };
      await paper.transact('threads', 'thread.create', (ydoc) =>
        threadsOf(ydoc).set(thread.id, thread),
      );
      return thread;
    });
  }

  reply(paperId: string, threadId: string, author: AuditActor, body: string): Promise<Thread> {
    return this.#update(paperId, threadId, 'thread.reply', (thread) => ({
      ...thread,
      replies: [
        ...thread.replies,
        { id: randomUUID(), body, author, createdAt: new Date().toISOString() },
      ],
    }));
  }

  /** The author changes their own open thread. */
  edit(
    paperId: string,
    threadId: string,
    by: AuditActor,
    changes: EditThreadRequest,
  ): Promise<Thread> {
    return this.#update(paperId, threadId, 'thread.edit', (thread) => {
      this.#assertOwnOpenThread(thread, by);
      if (changes.replacement !== undefined && thread.kind !== 'suggestion') {
        throw new HttpError(
          'bad_request',
          'Alleen een tekstvoorstel heeft een voorgestelde tekst.',
        );
      }
      return {
        ...thread,
        body: changes.body ?? thread.body,
        replacement: changes.replacement ?? thread.replacement,
      };
    });
  }

  /** The author takes their own open thread back; it stays on record as withdrawn. */
  withdraw(paperId: string, threadId: string, by: AuditActor): Promise<Thread> {
    return this.#update(paperId, threadId, 'thread.withdraw', (thread) => {
      this.#assertOwnOpenThread(thread, by);
      return { ...thread, status: 'withdrawn' };
    });
  }

  /**
   * An editor's disposition. Accepting a suggestion applies it to the content first — in one
   * transaction, and only while the anchored text still equals the quote (409 otherwise).
   */
  dispose(
    paperId: string,
    threadId: string,
    editor: AuditActor,
    request: DispositionRequest,
  ): Promise<Thread> {
    return this.papers.withPaper(paperId, async (paper) => {
      const thread = existingThread(paper.threads.doc, threadId);
      if (thread.status === 'withdrawn') {
        throw new HttpError('conflict', 'Deze reactie is ingetrokken door de indiener.');
      }
      if (request.status === thread.status) return thread;
      // Its change is in the text now, and other edits may have built on it: reopening it (or
      // rejecting it after all) would leave the text saying otherwise, and a second accept
      // would apply it twice.
      if (thread.status === 'accepted' && thread.kind === 'suggestion' && thread.anchor) {
        throw new HttpError(
          'conflict',
          'Dit voorstel is overgenomen en staat in de tekst; het kan niet worden heropend of anders verwerkt. Pas de tekst zo nodig zelf aan en licht dat toe in een reactie.',
        );
      }
      if (request.status === 'accepted' && thread.kind === 'suggestion' && thread.anchor) {
        const { anchor, quote, replacement } = thread;
        const outcome = await paper.transact('content', 'suggestion.apply', (ydoc) =>
          applySuggestion(ydoc, anchor, quote, replacement ?? ''),
        );
        if (!outcome.applied) {
          throw new HttpError(
            'conflict',
            outcome.reason === 'orphaned'
              ? 'De tekst waar dit voorstel over ging is verwijderd; het voorstel kan niet meer worden toegepast.'
              : `De tekst is gewijzigd sinds het voorstel: er staat nu “${outcome.current}” in plaats van “${quote}”. Er is niets veranderd.`,
          );
        }
      }
      const now = new Date().toISOString();
      const processed: Thread = {
        ...thread,
        status: request.status,
        updatedAt: now,
        disposition:
          request.status === 'open' ? null : { by: editor, at: now, rationale: request.rationale },
      };
      await paper.transact('threads', 'thread.dispose', (ydoc) =>
        threadsOf(ydoc).set(threadId, processed),
      );
      await this.audit.record(
        {
          type: 'thread.processed',
          threadId,
          kind: thread.kind,
          status: request.status,
          municipality: thread.author.municipality,
        },
        { actor: editor, paperId },
      );
      return processed;
    });
  }

  /** Records the caller's municipality's position on a block (or `paper`), keeping history. */
  setPosition(
    paperId: string,
    blockId: string,
    by: AuditActor,
    request: PositionRequest,
  ): Promise<Position> {
    return this.papers.withPaper(paperId, async (paper) => {
      if (blockId !== WHOLE_PAPER && !blockIds(paper.content.doc).has(blockId)) {
        throw new HttpError('not_found', 'Deze alinea bestaat niet (meer) in dit positionpaper.');
      }
      const key = positionKey(blockId, by.municipality);
      const previous = positionsOf(paper.threads.doc).get(key);
      const entry = {
        stance: request.stance,
        explanation: request.explanation,
        by,
        at: new Date().toISOString(),
      };
      const position: Position = {
        ...entry,
        blockId,
        municipality: by.municipality,
        history: previous
          ? [
              ...previous.history,
              {
                stance: previous.stance,
                explanation: previous.explanation,
                by: previous.by,
                at: previous.at,
              },
            ]
          : [],
      };
      await paper.transact('threads', 'position.set', (ydoc) =>
        positionsOf(ydoc).set(key, position),
      );
      return position;
    });
  }

  #update(
    paperId: string,
    threadId: string,
    action: string,
    change: (thread: Thread) => Thread,
  ): Promise<Thread> {
    return this.papers.withPaper(paperId, async (paper) => {
      const changed = {
        ...change(existingThread(paper.threads.doc, threadId)),
        updatedAt: new Date().toISOString(),
      };
      await paper.transact('threads', action, (ydoc) => threadsOf(ydoc).set(threadId, changed));
      return changed;
    });
  }

  #assertOwnOpenThread(thread: Thread, by: AuditActor): void {
    if (thread.author.userId !== by.userId) {
      throw new HttpError(
        'forbidden',
        'Alleen de indiener kan deze reactie wijzigen of intrekken.',
      );
    }
    if (thread.status !== 'open') {
      throw new HttpError(
        'conflict',
        'Deze reactie is al verwerkt en kan niet meer worden gewijzigd.',
      );
    }
  }
}
