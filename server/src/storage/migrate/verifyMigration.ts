/**
 * Compares a migrated database with the data directory it came from, reading the database
 * back through freshly opened stores (what a server started on it will see) and its rows as
 * stored (what "byte-identical" means): every record, every paper's docs, every draft's bytes
 * and hash, every audit event's number and JSON text.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import * as Y from 'yjs';
import {
  CONTENT_FRAGMENT,
  DOC_NAMES,
  POSITIONS_MAP,
  THREADS_MAP,
  type DocName,
} from '@standpunt/shared';
import { AUDIT_FILE } from '../../audit/FileAuditLog.js';
import { bytesHash, draftHash } from '../../drafts/draftHash.js';
import type { StoredPaper } from '../DocumentStore.js';
import type { MetaContents } from '../MetaStore.js';
import type { OutboxEntry } from '../OutboxStore.js';
import { createDatabase } from '../postgres/database.js';
import { openPgStorage } from '../postgres/openPgStorage.js';
import type { Storage } from '../Storage.js';
import { docFrom } from './paperDocs.js';

/** What one doc holds, in forms that compare as text: its history and its visible content. */
function describeDoc(paperId: string, doc: DocName, updates: Uint8Array[]) {
  const ydoc = docFrom(paperId, doc, updates);
  try {
    // Before the getters below, which would add their own names.
    const roots = [...ydoc.share.keys()].sort();
    const content =
      doc === 'content'
        ? ydoc.getXmlFragment(CONTENT_FRAGMENT).toString()
        : JSON.stringify([ydoc.getMap(THREADS_MAP).toJSON(), ydoc.getMap(POSITIONS_MAP).toJSON()]);
    return { roots: roots.join(','), content, snapshot: Y.snapshot(ydoc) };
  } finally {
    ydoc.destroy();
  }
}

function compareDocs(
  paperId: string,
  source: StoredPaper | null,
  target: StoredPaper | null,
): string[] {
  if (source === null || target === null) {
    return source === target ? [] : [`paper ${paperId}: its documents are missing on one side`];
  }
  const differences: string[] = [];
  for (const doc of DOC_NAMES) {
    const from = describeDoc(paperId, doc, source[doc]);
    const to = describeDoc(paperId, doc, target[doc]);
    if (from.roots !== to.roots) differences.push(`paper ${paperId}: ${doc} has other parts`);
    if (from.content !== to.content) differences.push(`paper ${paperId}: ${doc} differs`);
    // State vector and deletions: the same history, not merely the same text.
    if (!Y.equalSnapshots(from.snapshot, to.snapshot)) {
      differences.push(`paper ${paperId}: ${doc} has another history`);
    }
  }
  return differences;
}

/**
 * Differences between two lists of records, by key. Only keys and field names are named:
 * the values include password hashes and session tokens' hashes.
 */
function compareRecords<T extends object>(
  what: string,
  keyOf: (record: T) => string,
  source: readonly T[],
  target: readonly T[],
): string[] {
  const differences: string[] = [];
  const targets = new Map(target.map((record) => [keyOf(record), record]));
  if (targets.size !== target.length) differences.push(`the database holds a ${what} twice`);
  for (const record of source) {
    const key = keyOf(record);
    const copy = targets.get(key);
    targets.delete(key);
    if (!copy) {
      differences.push(`${what} ${key} is missing`);
      continue;
    }
    const fields = [...new Set([...Object.keys(record), ...Object.keys(copy)])].filter(
      (field) =>
        JSON.stringify((record as Record<string, unknown>)[field]) !==
        JSON.stringify((copy as Record<string, unknown>)[field]),
    );
    if (fields.length > 0) {
      differences.push(
        `${what} ${key}: ${fields.join(', ')} differ${fields.length > 1 ? '' : 's'}`,
      );
    }
  }
  for (const key of targets.keys()) differences.push(`${what} ${key} is not in the data dir`);
  return differences;
}

function compareMeta(source: MetaContents, target: MetaContents): string[] {
  return [
    ...compareRecords('account', (user) => user.id, source.users, target.users),
    // A session is named by its position: even a token's hash is not for a terminal.
    ...compareRecords(
      'session',
      (session) => `of account ${session.userId} created ${session.createdAt}`,
      source.sessions,
      target.sessions,
    ),
    ...compareRecords('paper', (paper) => paper.id, source.papers, target.papers),
    ...compareRecords(
      'membership',
      (membership) => `${membership.userId} of paper ${membership.paperId}`,
      source.memberships,
      target.memberships,
    ),
    ...compareRecords(
      'link sent by mail',
      (token) => `${token.purpose} of account ${token.userId} made ${token.createdAt}`,
      source.accountTokens,
      target.accountTokens,
    ),
  ];
}

/** A pending mail as the migration moves it: the message, not how far its sending came. */
const mailOf = ({ id, messageId, from, to, subject, raw, createdAt }: OutboxEntry) => ({
  id,
  messageId,
  from,
  to,
  subject,
  raw,
  createdAt,
});

/** The audit trail's lines as written (a torn last line was cut when the store opened). */
async function auditLines(dataDir: string): Promise<string[]> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dataDir, AUDIT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // As parseAuditLog reads it: whole lines, blank ones skipped.
  return text
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.trim() !== '');
}

/** Everything that differs; an empty list when the database holds what the data dir does. */
export async function verifyMigration(
  source: Storage,
  dataDir: string,
  url: string,
  log: (message: string) => void,
): Promise<string[]> {
  const target = await openPgStorage(url, log);
  const rows = createDatabase(url);
  try {
    const differences: string[] = [];
    const meta = await source.meta.exportAll();
    differences.push(...compareMeta(meta, await target.meta.exportAll()));

    for (const { id: paperId } of meta.papers) {
      differences.push(
        ...compareDocs(
          paperId,
          await source.documents.load(paperId),
          await target.documents.load(paperId),
        ),
      );

      const numbers = await source.drafts.list(paperId);
      const copied = await target.drafts.list(paperId);
      if (numbers.join(',') !== copied.join(',')) {
        differences.push(
          `paper ${paperId}: drafts ${numbers.join(', ') || 'none'} in the data dir, ` +
            `${copied.join(', ') || 'none'} in the database`,
        );
      }
      const stored = await rows
        .selectFrom('drafts')
        .select(['number', 'body', 'sha256'])
        .where('paper_id', '=', paperId)
        .execute();
      const bodies = new Map(stored.map((row) => [row.number, row]));
      for (const number of numbers) {
        const row = bodies.get(number);
        if (!row) continue; // Named above.
        const file = path.join(dataDir, 'papers', paperId, 'drafts', `${number}.json`);
        const text = await fsp.readFile(file, 'utf8');
        const what = `draft ${number} of paper ${paperId}`;
        if (bytesHash(text) !== bytesHash(row.body)) differences.push(`${what}: its text differs`);
        // Recomputed on both sides, and as recorded in the draft and beside it.
        const hashes = new Set([
          draftHash(JSON.parse(text)),
          draftHash(JSON.parse(row.body)),
          (JSON.parse(text) as { sha256?: unknown }).sha256,
          row.sha256,
        ]);
        if (hashes.size !== 1) differences.push(`${what}: its sha256 differs`);
        // As a server would read it: verified by the store.
        try {
          await target.drafts.load(paperId, number);
        } catch (error) {
          differences.push(`${what}: ${(error as Error).message}`);
        }
      }
    }

    const lines = await auditLines(dataDir);
    const events = await sql<{ seq: string; json: string }>`
      select seq, event::text as json from audit_events order by seq`.execute(rows);
    if (lines.length !== events.rows.length) {
      differences.push(
        `audit trail: ${lines.length} events in the data dir, ${events.rows.length} in the database`,
      );
    }
    lines.forEach((line, index) => {
      const row = events.rows[index];
      if (!row) return;
      const seq = (JSON.parse(line) as { seq: unknown }).seq;
      if (String(seq) !== row.seq) {
        differences.push(`audit event ${index + 1}: seq ${String(seq)} became ${row.seq}`);
      } else if (line !== row.json) {
        differences.push(`audit event ${row.seq}: its JSON differs`);
      }
    });
    // And as the stores answer queries (the server's audit page).
    const served = (await target.audit.query()).map((event) => JSON.stringify(event));
    const original = (await source.audit.query()).map((event) => JSON.stringify(event));
    if (served.join('\n') !== original.join('\n')) {
      differences.push('audit trail: the events read back differ');
    }

    differences.push(
      ...compareRecords(
        'pending mail',
        (mail) => mail.id,
        (await source.outbox.pending()).map(mailOf),
        (await target.outbox.pending()).map(mailOf),
      ),
    );
    return differences;
  } finally {
    await rows.destroy();
    await target.close();
  }
}
