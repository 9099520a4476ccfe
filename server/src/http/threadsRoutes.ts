import { Router, type Request } from 'express';
import {
  canRespond,
  createThreadRequestSchema,
  dispositionRequestSchema,
  editThreadRequestSchema,
  positionRequestSchema,
  replyRequestSchema,
  VNG_CODE,
} from '@standpunt/shared';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { manageablePaper, readablePaper, type PaperAccess } from './paperAccess.js';

const THREAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BLOCK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The paper, if the caller may respond to it now (add threads, replies, positions). */
async function respondablePaper(
  context: AppContext,
  req: Request<{ id: string }>,
): Promise<PaperAccess> {
  const access = await readablePaper(context.meta, req);
  const { paper, actor } = access;
  if (!canRespond(actor, paper.phase, paper.closesAt, new Date().toISOString())) {
    const reason =
      paper.phase === 'consultatie'
        ? 'De consultatie is gesloten: reageren kan niet meer.'
        : paper.phase === 'concept'
          ? 'Alleen leden van de werkgroep (geen lezers) kunnen nu reageren.'
          : `In de fase ${paper.phase} kan niemand meer reageren.`;
    throw new HttpError('forbidden', reason);
  }
  return access;
}

function threadIdOf(req: Request<{ threadId: string }>): string {
  if (!THREAD_ID.test(req.params.threadId))
    throw new HttpError('not_found', 'Deze reactie bestaat niet.');
  return req.params.threadId;
}

/** `/api/papers/:id/threads…` and `/api/papers/:id/positions/:blockId`. */
export function threadsRoutes(context: AppContext): Router {
  const { threads } = context;
  const router = Router();

  router.get('/:id/threads', async (req, res) => {
    const { paper } = await readablePaper(context.meta, req);
    res.json(await threads.list(paper.id));
  });

  router.post('/:id/threads', async (req, res) => {
    const request = createThreadRequestSchema.parse(req.body);
    const { paper, user } = await respondablePaper(context, req);
    res.status(201).json(await threads.create(paper.id, auditActor(user), request));
  });

  router.patch('/:id/threads/:threadId', async (req, res) => {
    const changes = editThreadRequestSchema.parse(req.body);
    const { paper, user } = await respondablePaper(context, req);
    res.json(await threads.edit(paper.id, threadIdOf(req), auditActor(user), changes));
  });

  router.delete('/:id/threads/:threadId', async (req, res) => {
    const { paper, user } = await respondablePaper(context, req);
    res.json(await threads.withdraw(paper.id, threadIdOf(req), auditActor(user)));
  });

  router.post('/:id/threads/:threadId/replies', async (req, res) => {
    const { body } = replyRequestSchema.parse(req.body);
    const { paper, user } = await respondablePaper(context, req);
    res.status(201).json(await threads.reply(paper.id, threadIdOf(req), auditActor(user), body));
  });

  router.post('/:id/threads/:threadId/disposition', async (req, res) => {
    const request = dispositionRequestSchema.parse(req.body);
    const { paper, user } = await manageablePaper(context.meta, req);
    res.json(await threads.dispose(paper.id, threadIdOf(req), auditActor(user), request));
  });

  router.put('/:id/positions/:blockId', async (req, res) => {
    const request = positionRequestSchema.parse(req.body);
    const { paper, user } = await respondablePaper(context, req);
    if (user.municipality === VNG_CODE) {
      throw new HttpError(
        'forbidden',
        'Standpunten worden door gemeenten ingenomen, niet door de VNG.',
      );
    }
    if (!BLOCK_ID.test(req.params.blockId)) throw new HttpError('bad_request', 'Ongeldige alinea.');
    res.json(await threads.setPosition(paper.id, req.params.blockId, auditActor(user), request));
  });

  return router;
}
