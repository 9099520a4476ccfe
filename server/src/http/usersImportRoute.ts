/**
 * `POST /api/users/import` (admin): many accounts at once, all or none (DESIGN.md). The body
 * is read here, not by the API's JSON parser, since an import may be larger (5 MB).
 */
import express, { type RequestHandler } from 'express';
import {
  IMPORT_MAX_BYTES,
  type ImportLine,
  type ImportLineError,
  type ImportReport,
} from '@standpunt/shared';
import { parseCsvImport, parseJsonImport, type ImportParse } from '../accounts/importLines.js';
import { newId } from '../ids.js';
import { EmailTakenError, type UserRecord } from '../storage/MetaStore.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { requireAdmin } from './requestContext.js';

const readCsv = express.text({
  type: ['text/csv', 'text/plain', 'application/csv'],
  limit: IMPORT_MAX_BYTES,
});
const readJson = express.json({ limit: IMPORT_MAX_BYTES });

/** Invitation mails recorded at once: the outbox writes (and syncs) one file per mail. */
const MAILS_AT_ONCE = 32;

function flag(value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new HttpError('bad_request', 'Gebruik true of false voor dryRun en invite.');
}

function refuseLines(res: express.Response, lines: ImportLineError[]): void {
  res.status(400).json({
    error: {
      code: 'bad_request',
      message: `Er is niets geïmporteerd: ${lines.length === 1 ? 'één regel bevat' : `${lines.length} regels bevatten`} fouten.`,
    },
    lines,
  });
}

export function usersImportRoute({ meta, audit, links }: AppContext): RequestHandler[] {
  const checkAdmin: RequestHandler = (req, _res, next) => {
    requireAdmin(req);
    next();
  };
  const importUsers: RequestHandler = async (req, res) => {
    const admin = requireAdmin(req);
    const dryRun = flag(req.query.dryRun, false);
    const invite = flag(req.query.invite, true);
    let parsed: ImportParse;
    if (req.is('application/json')) parsed = await parseJsonImport(req.body);
    else if (typeof req.body === 'string') parsed = await parseCsvImport(req.body);
    else {
      throw new HttpError(
        'bad_request',
        'Stuur een CSV-bestand (text/csv) of JSON (application/json).',
      );
    }
    if ('errors' in parsed) return refuseLines(res, parsed.errors);

    const taken = new Set((await meta.listUsers()).map((user) => user.email));
    const now = new Date().toISOString();
    const created: UserRecord[] = [];
    const lines: ImportLine[] = parsed.rows.map((row) => {
      const { line, email, name, municipality, admin: isAdmin } = row;
      if (taken.has(email)) {
        return { line, email, name, municipality, admin: isAdmin, outcome: 'existing', id: null };
      }
      const user: UserRecord = {
        id: newId(),
        email,
        name,
        municipality,
        admin: isAdmin,
        active: true,
        passwordHash: null,
        createdAt: now,
      };
      created.push(user);
      return {
        line,
        email,
        name,
        municipality,
        admin: isAdmin,
        outcome: 'created',
        id: dryRun ? null : user.id,
      };
    });
    const report: ImportReport = {
      dryRun,
      created: created.map(({ id, email }) => ({ id: dryRun ? null : id, email })),
      existing: lines.filter((l) => l.outcome === 'existing').map((l) => l.email),
      invited: invite && created.length > 0,
      lines,
    };
    if (dryRun) return res.json(report);

    try {
      await meta.addUsers(created);
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new HttpError(
          'conflict',
          `Er is niets geïmporteerd: ${error.email} kreeg zojuist een account. Probeer het opnieuw.`,
        );
      }
      throw error;
    }
    const actor = auditActor(admin);
    await audit.record(
      {
        type: 'user.imported',
        created: created.length,
        existing: report.existing.length,
        invited: report.invited,
      },
      { actor },
    );
    if (invite) await links.sendMany(created, 'invitation', MAILS_AT_ONCE);
    res.json(report);
  };
  // The admin check comes before the body is read: nobody else gets 5 MB parsed.
  return [checkAdmin, readCsv, readJson, importUsers];
}
