import { Router } from 'express';
import { once } from 'node:events';
import { AUDIT_PAGE_DEFAULT, auditQuerySchema } from '@standpunt/shared';
import { AUDIT_CSV_HEADER, auditCsvRows } from '../audit/auditCsv.js';
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

/** How many events match the filter, of which the JSON answer holds the last `limit`. */
const AUDIT_TOTAL_HEADER = 'X-Total-Count';

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
    if (query.format === 'csv') {
      // Every match, written out batch by batch as the trail is read: it may be large.
      res.type('text/csv; charset=utf-8');
      res.attachment('standpunt-logboek.csv');
      res.write(AUDIT_CSV_HEADER);
      for await (const events of audit.each(filter)) {
        if (!res.write(auditCsvRows(events))) await once(res, 'drain');
      }
      res.end();
      return;
    }
    const page = await audit.latest(filter, query.limit ?? AUDIT_PAGE_DEFAULT);
    res.set(AUDIT_TOTAL_HEADER, String(page.total));
    res.json(page.events);
  });

  return router;
}
