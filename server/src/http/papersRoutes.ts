import { Router, type Request } from 'express';
import {
  canManagePaper,
  canMovePhase,
  canReadPaper,
  createPaperRequestSchema,
  patchPaperRequestSchema,
  type Actor,
} from '@standpunt/shared';
import { newId } from '../ids.js';
import { initialPaperState } from '../papers/initialPaperState.js';
import type { DocumentStore } from '../storage/DocumentStore.js';
import type { MetaStore, PaperRecord, UserRecord } from '../storage/MetaStore.js';
import { HttpError } from './HttpError.js';
import { requireUser } from './requestContext.js';
import { toPaperSummary } from './toPublic.js';

export function actorFor(meta: MetaStore, user: UserRecord, paperId: string): Actor {
  return { admin: user.admin, role: meta.roleOf(paperId, user.id) };
}

export function papersRoutes(meta: MetaStore, documents: DocumentStore): Router {
  const router = Router();

  /** The paper of the request if the caller may read it; 404 otherwise, so ids don't leak. */
  function readablePaper(req: Request<{ id: string }>): { paper: PaperRecord; user: UserRecord; actor: Actor } {
    const user = requireUser(req);
    const paper = meta.findPaper(req.params.id);
    const actor = paper && actorFor(meta, user, paper.id);
    if (!paper || !actor || !canReadPaper(actor, paper.phase)) {
      throw new HttpError('not_found', 'Dit positionpaper bestaat niet of je hebt er geen toegang toe.');
    }
    return { paper, user, actor };
  }

  router.get('/', (req, res) => {
    const user = requireUser(req);
    const visible = meta
      .listPapers()
      .filter((paper) => canReadPaper(actorFor(meta, user, paper.id), paper.phase))
      .map((paper) => toPaperSummary(paper, meta, user))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    res.json(visible);
  });

  router.post('/', async (req, res) => {
    const user = requireUser(req);
    const { title, theme } = createPaperRequestSchema.parse(req.body);
    const now = new Date().toISOString();
    const paper: PaperRecord = {
      id: newId(),
      title,
      theme,
      phase: 'concept',
      createdAt: now,
      createdBy: user.id,
      updatedAt: now,
    };
    // Documents first: a paper listed in the metadata always has its docs on disk.
    await documents.compact(paper.id, initialPaperState(title));
    await meta.addPaper(paper, { paperId: paper.id, userId: user.id, role: 'editor' });
    res.status(201).json(toPaperSummary(paper, meta, user));
  });

  router.get('/:id', (req, res) => {
    const { paper, user } = readablePaper(req);
    res.json(toPaperSummary(paper, meta, user));
  });

  router.patch('/:id', async (req, res) => {
    const { paper, user, actor } = readablePaper(req);
    const changes = patchPaperRequestSchema.parse(req.body);
    if (!canManagePaper(actor, paper.phase)) {
      throw new HttpError('forbidden', 'Alleen redacteuren mogen dit positionpaper wijzigen.');
    }
    if (changes.phase !== undefined && changes.phase !== paper.phase && !canMovePhase(paper.phase, changes.phase)) {
      throw new HttpError(
        'conflict',
        `Een positionpaper kan niet van fase ${paper.phase} naar ${changes.phase}.`,
      );
    }
    const updated = await meta.updatePaper(paper.id, changes);
    res.json(toPaperSummary(updated, meta, user));
  });

  return router;
}
