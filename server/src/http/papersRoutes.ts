import { Router } from 'express';
import {
  CONSULTATION_DRAFT_LABEL,
  canMovePhase,
  canReadPaper,
  createPaperRequestSchema,
  patchPaperRequestSchema,
} from '@standpunt/shared';
import { newId } from '../ids.js';
import { initialPaperState } from '../papers/initialPaperState.js';
import type { PaperRecord } from '../storage/MetaStore.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { manageablePaper, readablePaper } from './paperAccess.js';
import { requireUser } from './requestContext.js';
import { toPaperSummary } from './toPublic.js';

export function papersRoutes(context: AppContext): Router {
  const { meta, documents, audit } = context;
  const router = Router();

  router.get('/', async (req, res) => {
    const user = requireUser(req);
    const visible = (await meta.listPapersFor(user.id))
      .filter(({ paper, role }) => canReadPaper({ admin: user.admin, role }, paper.phase))
      .map(({ paper, role }) => toPaperSummary(paper, role))
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
      closesAt: null,
    };
    // Documents first: a paper listed in the metadata always has its docs on disk.
    await documents.compact(paper.id, initialPaperState(title));
    await meta.addPaper(paper, { paperId: paper.id, userId: user.id, role: 'editor' });
    await audit.record(
      { type: 'paper.created', title },
      { actor: auditActor(user), paperId: paper.id },
    );
    res.status(201).json(toPaperSummary(paper, 'editor'));
  });

  router.get('/:id', async (req, res) => {
    const { paper, actor } = await readablePaper(meta, req);
    res.json(toPaperSummary(paper, actor.role));
  });

  router.patch('/:id', async (req, res) => {
    const changes = patchPaperRequestSchema.parse(req.body);
    const { paper, user, actor } = await manageablePaper(meta, req);
    const phaseChanges = changes.phase !== undefined && changes.phase !== paper.phase;
    if (phaseChanges && changes.phase && !canMovePhase(paper.phase, changes.phase)) {
      throw new HttpError(
        'conflict',
        `Een positionpaper kan niet van fase ${paper.phase} naar ${changes.phase}.`,
      );
    }
    if (phaseChanges && changes.phase === 'consultatie') {
      // The consultation is about a fixed, numbered text: freeze it before opening the paper,
      // unless the latest draft already holds exactly this text.
      await context.drafts.freeze(
        { id: paper.id, title: changes.title ?? paper.title, theme: paper.theme },
        'consultatie',
        auditActor(user),
        CONSULTATION_DRAFT_LABEL,
        true,
      );
    }
    // Stored in UTC so closing dates compare as strings.
    if (changes.closesAt) changes.closesAt = new Date(changes.closesAt).toISOString();
    const before = { ...paper };
    const updated = await meta.updatePaper(paper.id, changes);
    const auditContext = { actor: auditActor(user), paperId: paper.id };
    if (changes.title !== undefined && changes.title !== before.title) {
      await audit.record(
        { type: 'paper.renamed', from: before.title, to: changes.title },
        auditContext,
      );
    }
    if (phaseChanges) {
      await audit.record(
        { type: 'paper.phase_changed', from: before.phase, to: updated.phase },
        auditContext,
      );
      await context.paperAccessChanged(paper.id);
    }
    if (changes.closesAt !== undefined && changes.closesAt !== before.closesAt) {
      await audit.record(
        { type: 'paper.closing_date_set', closesAt: updated.closesAt },
        auditContext,
      );
    }
    res.json(toPaperSummary(updated, actor.role));
  });

  return router;
}
