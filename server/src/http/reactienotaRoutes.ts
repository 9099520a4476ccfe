import { Router } from 'express';
import { REACTIENOTA_FORMATS, type ReactienotaFormat } from '@standpunt/shared';
import { bytesHash } from '../drafts/draftHash.js';
import { attachment } from '../exports/exportFilename.js';
import { exportReactienota } from '../reactienota/exportReactienota.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { formatParameter } from './draftsRoutes.js';
import { editorialPaper } from './editorialPaper.js';

/** `GET /api/papers/:id/reactienota?format=html|docx|csv` (editors and admins). */
export function reactienotaRoutes(context: AppContext): Router {
  const { meta, reactienota, audit } = context;
  const router = Router();

  router.get('/:id/reactienota', async (req, res) => {
    const { paper, user } = await editorialPaper(meta, req);
    const format = formatParameter<ReactienotaFormat>(req, REACTIENOTA_FORMATS);
    const file = await exportReactienota(await reactienota.require(paper), format);
    await audit.record(
      { type: 'reactienota.exported', format, sha256: bytesHash(file.bytes) },
      { actor: auditActor(user), paperId: paper.id },
    );
    res.set('Content-Disposition', attachment(file.filename));
    res.type(file.contentType).send(file.bytes);
  });

  return router;
}
