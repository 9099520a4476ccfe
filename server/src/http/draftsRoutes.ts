import { Router, type Request } from 'express';
import {
  DRAFT_EXPORT_FORMATS,
  freezeDraftRequestSchema,
  type DraftExportFormat,
} from '@standpunt/shared';
import { compareDrafts, versionOf } from '../drafts/compareDrafts.js';
import { bytesHash } from '../drafts/draftHash.js';
import { summarize } from '../drafts/DraftService.js';
import { attachment } from '../exports/exportFilename.js';
import { exportDraft } from '../exports/exportDraft.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { manageablePaper, readablePaper } from './paperAccess.js';

const DRAFT_NUMBER = /^[1-9][0-9]{0,8}$/;

/** A draft number from the URL; anything else is a draft that does not exist (404). */
export function draftNumber(value: string | undefined): number {
  if (value === undefined || !DRAFT_NUMBER.test(value)) {
    throw new HttpError('not_found', `Versie ${String(value).slice(0, 20)} bestaat niet.`);
  }
  return Number(value);
}

/** A `format` query parameter that must be one of `formats`; 400 listing them otherwise. */
export function formatParameter<F extends string>(req: Request, formats: readonly F[]): F {
  const format = req.query.format;
  if (typeof format === 'string' && (formats as readonly string[]).includes(format)) {
    return format as F;
  }
  const given = typeof format === 'string' ? `"${format.slice(0, 20)}"` : 'geen';
  throw new HttpError(
    'bad_request',
    `Onbekend formaat (${given}). Kies een van: ${formats.join(', ')}.`,
  );
}

/** `/api/papers/:id/drafts…`: freeze, list, read, export and compare drafts. */
export function draftsRoutes(context: AppContext): Router {
  const { meta, drafts, audit } = context;
  const router = Router();

  router.get('/:id/drafts', async (req, res) => {
    const { paper } = await readablePaper(meta, req);
    res.json(await drafts.list(paper.id));
  });

  router.post('/:id/drafts', async (req, res) => {
    // Rights first: someone who may not freeze learns nothing from a check of their input.
    const { paper, user } = await manageablePaper(meta, req);
    const { label } = freezeDraftRequestSchema.parse(req.body);
    const draft = await drafts.freeze(paper, paper.phase, auditActor(user), label);
    if (!draft) throw new Error('freeze without onlyIfChanged returned nothing');
    res.status(201).json(summarize(draft));
  });

  router.get('/:id/drafts/:n', async (req, res) => {
    const { paper } = await readablePaper(meta, req);
    res.json(await drafts.get(paper.id, draftNumber(req.params.n)));
  });

  router.get('/:id/drafts/:n/export', async (req, res) => {
    const { paper, user } = await readablePaper(meta, req);
    const number = draftNumber(req.params.n);
    const format = formatParameter<DraftExportFormat>(req, DRAFT_EXPORT_FORMATS);
    const file = await exportDraft(await drafts.get(paper.id, number), format);
    await audit.record(
      { type: 'draft.exported', number, format, sha256: bytesHash(file.bytes) },
      { actor: auditActor(user), paperId: paper.id },
    );
    res.set('Content-Disposition', attachment(file.filename));
    res.type(file.contentType).send(file.bytes);
  });

  router.get('/:id/drafts/:n/compare/:m', async (req, res) => {
    const { paper } = await readablePaper(meta, req);
    const from = versionOf(await drafts.get(paper.id, draftNumber(req.params.n)));
    const to =
      req.params.m === 'live'
        ? await drafts.live(paper.id)
        : versionOf(await drafts.get(paper.id, draftNumber(req.params.m)));
    res.json(compareDrafts(from, to));
  });

  return router;
}
