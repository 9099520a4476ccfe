import { Router } from 'express';
import { buildArchive } from '../archive/buildArchive.js';
import { bytesHash } from '../drafts/draftHash.js';
import { attachment, fileSlug } from '../exports/exportFilename.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { editorialPaper } from './editorialPaper.js';

/** `GET /api/papers/:id/archive` (editors and admins): the paper's records as one ZIP. */
export function archiveRoutes(context: AppContext): Router {
  const { meta, drafts, reactienota, audit } = context;
  const router = Router();

  router.get('/:id/archive', async (req, res) => {
    const { paper, user } = await editorialPaper(meta, req);
    const numbers = (await drafts.list(paper.id)).map((summary) => summary.number);
    const all = await Promise.all(numbers.map((n) => drafts.get(paper.id, n)));
    const responses = await reactienota.responses(paper.id);
    const { id, title, theme, phase } = paper;
    const zip = await buildArchive({
      paper: { id, title, theme, phase },
      drafts: all,
      nota: await reactienota.build(paper, responses),
      responses,
      audit: await audit.query({ paperId: paper.id }),
      now: new Date(),
    });
    await audit.record(
      { type: 'archive.exported', drafts: all.length, sha256: bytesHash(zip) },
      { actor: auditActor(user), paperId: paper.id },
    );
    res.set('Content-Disposition', attachment(`archief-${fileSlug(title)}.zip`));
    res.type('application/zip').send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });

  return router;
}
