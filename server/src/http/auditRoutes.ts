import { Router } from 'express';
import { auditQuerySchema } from '@standpunt/shared';
import { auditCsv } from '../audit/auditCsv.js';
import type { AuditFilter } from '../audit/AuditLog.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { requireUser } from './requestContext.js';

/** A bare date as a bound covers the whole day. */
function bound(value: string | undefined, endOfDay: boolean): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`;
  return new Date(value).toISOString();
}

/** `GET /api/audit`: admins see everything, editors the trail of the papers they edit. */
export function auditRoutes({ meta, audit }: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const user = requireUser(req);
    const query = auditQuerySchema.parse(req.query);
    const filter: AuditFilter = {
      paperId: query.paper,
      actorId: query.actor,
      from: bound(query.from, false),
      to: bound(query.to, true),
    };
    if (!user.admin) {
      const editorOf = await meta.paperIdsWithRole(user.id, 'editor');
      if (editorOf.size === 0)
        throw new HttpError('forbidden', 'Alleen beheerders en redacteuren zien het logboek.');
      if (query.paper && !editorOf.has(query.paper)) {
        throw new HttpError('forbidden', 'Je bent geen redacteur van dit positionpaper.');
      }
      filter.paperIds = editorOf;
    }
    const events = await audit.query(filter);
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.attachment('standpunt-logboek.csv');
      res.send(auditCsv(events));
      return;
    }
    res.json(events);
  });

  return router;
}
