/**
 * `migrate-data` (the built command): an embedded installation, made through the real server
 * on files, moved into PostgreSQL and served from there as it was — and the refusals that keep
 * it from writing over anything. The source is always the file backend, whichever backend the
 * other integration tests run on.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_FRAGMENT,
  type AuditEvent,
  type Draft,
  type DraftSummary,
  type Thread,
} from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { draftHash } from '../src/drafts/draftHash.js';
import type { QueuedMail } from '../src/mail/Mailer.js';
import { emlDirectory } from '../src/mail/startMail.js';
import { verifyMigration } from '../src/storage/migrate/verifyMigration.js';
import { openFileStorage } from '../src/storage/openFileStorage.js';
import { runNode } from './childServer.js';
import { CollabClient } from './CollabClient.js';
import { emlFilesIn } from './emlFiles.js';
import {
  ApiClient,
  createPaper,
  createPerson,
  DEFAULT_PASSWORD,
  signInAsAdmin,
  startTestServer,
} from './helpers.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

const MIGRATE_DATA_JS = fileURLToPath(new URL('../dist/migrateData.js', import.meta.url));

/** What a person sees of one paper through the API and the editor. */
interface PaperView {
  content: string;
  threads: string[];
  drafts: Draft[];
}

async function viewOf(server: RunningServer, client: ApiClient, paperId: string) {
  const collab = new CollabClient(server.url, paperId, { cookie: client.cookie });
  await collab.synced;
  const content = collab.doc.getXmlFragment(CONTENT_FRAGMENT).toString();
  await collab.close();
  const get = async <T>(urlPath: string): Promise<T> => {
    const response = await client.request<T>('GET', `/api/papers/${paperId}${urlPath}`);
    if (response.status !== 200) throw new Error(`GET ${urlPath}: ${response.status}`);
    return response.body;
  };
  const threads = await get<{ threads: Thread[] }>('/threads');
  const drafts: Draft[] = [];
  for (const { number } of await get<DraftSummary[]>('/drafts')) {
    // Served only once its sha256 checks out.
    drafts.push(await get<Draft>(`/drafts/${number}`));
  }
  return {
    content,
    threads: threads.threads.map((thread) => JSON.stringify(thread)),
    drafts,
  } satisfies PaperView;
}

/** Rows per table, straight from the database (0 for a table not created). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of ['users', 'sessions', 'papers', 'memberships', 'doc_snapshots', 'drafts']) {
      const exists = await client.query('select to_regclass($1) as name', [table]);
      if (!exists.rows[0].name) counts[table] = 0;
      else {
        const { rows } = await client.query(`select count(*)::int as count from ${table}`);
        counts[table] = rows[0].count;
      }
    }
    const audit = await client.query("select to_regclass('audit_events') is not null as present");
    counts.audit_events = audit.rows[0].present
      ? (await client.query('select count(*)::int as count from audit_events')).rows[0].count
      : 0;
    return counts;
  } finally {
    await client.end();
  }
}

const EMPTY = {
  users: 0,
  sessions: 0,
  papers: 0,
  memberships: 0,
  doc_snapshots: 0,
  drafts: 0,
  audit_events: 0,
};

describe('migrate-data', () => {
  let parent: string;
  let dataDir: string;
  let server: RunningServer;
  let target: TestDatabase;
  const databases: TestDatabase[] = [];
  let admin: ApiClient;
  let editor: ApiClient;
  let editorEmail: string;
  let editorId: string;
  let paperIds: string[];
  const before = new Map<string, PaperView>();
  let auditBefore: AuditEvent[];
  let unsentMail: QueuedMail;

  beforeAll(async () => {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-migrate-'));
    dataDir = path.join(parent, 'data');
    target = await createTestDatabase();
    databases.push(target);

    // An SMTP server nobody answers at: the mail enqueued below stays in the outbox.
    server = await startTestServer({ dataDir, smtpUrl: 'smtp://127.0.0.1:1' }, { backend: 'file' });
    admin = await signInAsAdmin(server);
    const eva = await createPerson(admin, 'Eva Redacteur', 'GM0363');
    const rob = await createPerson(admin, 'Rob Lezer', 'GM0518');
    editor = eva.client;
    editorEmail = eva.user.email;
    editorId = eva.user.id;

    const first = (await createPaper(editor, 'Gedeeld beheer')).id;
    const second = (await createPaper(editor, 'Digitale identiteit')).id;
    paperIds = [first, second];
    const member = await editor.request('PUT', `/api/papers/${first}/members/${rob.user.id}`, {
      role: 'commenter',
    });
    expect(member.status).toBe(200);

    const typist = new CollabClient(server.url, first, { cookie: editor.cookie });
    await typist.synced;
    typist.type('Eerst dit, vóór versie één.');
    await typist.roundTrip();
    const thread = await rob.client.request('POST', `/api/papers/${first}/threads`, {
      kind: 'comment',
      body: 'Graag een alinea over beheer',
    });
    const one = await editor.request('POST', `/api/papers/${first}/drafts`, { label: 'Een' });
    typist.type(' En daarna — met “aanhalingstekens” en 🙂.');
    await typist.roundTrip();
    const two = await editor.request('POST', `/api/papers/${first}/drafts`, { label: 'Twee' });
    await typist.close();
    expect([thread.status, one.status, two.status]).toEqual([201, 201, 201]);

    for (const paperId of paperIds) before.set(paperId, await viewOf(server, editor, paperId));
    auditBefore = (await admin.request<AuditEvent[]>('GET', '/api/audit')).body;
    unsentMail = await server.mailer.enqueue({
      to: editorEmail,
      subject: 'Nog niet verstuurd',
      text: 'Beste Eva, deze mail wacht nog.',
      html: '<p>Beste Eva, deze mail wacht nog.</p>',
    });
  });

  afterAll(async () => {
    await server?.stop();
    for (const database of databases) await database.drop();
    await fs.rm(parent, { recursive: true, force: true });
  });

  it('refuses while a server uses the data dir, and writes nothing', async () => {
    const result = await runNode(MIGRATE_DATA_JS, ['--from', dataDir, '--to', target.url]);
    expect(result.output).toMatch(
      /Migration refused, nothing was changed: Another Standpunt server \(pid \d+\) is using/,
    );
    expect(result.code).toBe(1);
    expect(await rowCounts(target.url)).toEqual(EMPTY);
  });

  it('refuses a directory that holds no installation', async () => {
    const empty = path.join(parent, 'empty');
    await fs.mkdir(empty);
    const result = await runNode(MIGRATE_DATA_JS, ['--from', empty, '--to', target.url]);
    expect(result.output).toContain(`${empty} holds no standpunt.json`);
    expect(result.code).toBe(1);
    // Not taken for a new installation and filled with one.
    expect(await fs.readdir(empty)).toEqual([]);
  });

  it('refuses an unreachable database, naming it without the password', async () => {
    await server.stop();
    const unreachable = 'postgres://standpunt:geheim%2Fwachtwoord@127.0.0.1:1/verhuizing';
    const result = await runNode(MIGRATE_DATA_JS, ['--from', dataDir, '--to', unreachable]);
    expect(result.output).toContain(
      'Cannot connect to PostgreSQL database "verhuizing" on 127.0.0.1:1',
    );
    expect(result.output).not.toMatch(/geheim/);
    expect(result.code).toBe(1);
  });

  it('copies nothing when it fails half-way: a damaged draft', async () => {
    const damagedDir = path.join(parent, 'damaged');
    await fs.cp(dataDir, damagedDir, { recursive: true });
    const draftFile = path.join(damagedDir, 'papers', paperIds[0]!, 'drafts', '2.json');
    const text = await fs.readFile(draftFile, 'utf8');
    await fs.writeFile(draftFile, text.replace('"label": "Twee"', '"label": "Drie"'));
    const fresh = await createTestDatabase();
    databases.push(fresh);

    const result = await runNode(MIGRATE_DATA_JS, ['--from', damagedDir, '--to', fresh.url]);
    expect(result.output).toMatch(/Migration failed, nothing was written to PostgreSQL database/);
    expect(result.output).toContain('Draft 2 of paper');
    expect(result.code).toBe(1);
    // Accounts, papers and the first paper's docs were written before the draft was read:
    // rolled back with the rest.
    expect(await rowCounts(fresh.url)).toEqual(EMPTY);
  });

  it('moves the installation and says what it verified', async () => {
    const result = await runNode(MIGRATE_DATA_JS, ['--from', dataDir, '--to', target.url]);
    const database = new URL(target.url).pathname.slice(1);
    expect(result.output).toContain(
      `migrated ${dataDir} to PostgreSQL database "${database}" on 127.0.0.1:`,
    );
    expect(result.output).toMatch(
      new RegExp(
        `: 3 accounts, \\d+ sessions, 2 papers, 3 memberships, 2 drafts, ` +
          `${auditBefore.length} audit events, 1 unsent mails \\(verified\\)`,
      ),
    );
    expect(result.code).toBe(0);
  });

  it('serves the same papers, drafts, sessions and audit trail from PostgreSQL', async () => {
    server = await startTestServer({ databaseUrl: target.url }, { backend: 'file' });
    // Signed in on the old server, still signed in: the sessions moved along.
    const stillSignedIn = new ApiClient(server.url);
    stillSignedIn.cookie = editor.cookie;
    expect((await stillSignedIn.request('GET', '/api/auth/me')).status).toBe(200);
    // And the password hashes: the passwords still work.
    const again = new ApiClient(server.url);
    await again.signIn(editorEmail, DEFAULT_PASSWORD);

    for (const paperId of paperIds) {
      const view = await viewOf(server, again, paperId);
      expect(view).toStrictEqual(before.get(paperId));
    }
    const drafts = before.get(paperIds[0]!)!.drafts;
    expect(drafts.map((draft) => [draft.number, draft.label])).toEqual([
      [1, 'Een'],
      [2, 'Twee'],
    ]);
    expect(before.get(paperIds[0]!)!.content).toContain('met “aanhalingstekens” en 🙂');
    expect(before.get(paperIds[0]!)!.threads).toHaveLength(1);
    for (const draft of (await viewOf(server, again, paperIds[0]!)).drafts) {
      expect(draftHash(draft)).toBe(draft.sha256);
    }

    const auditor = await signInAsAdmin(server);
    const audit = (await auditor.request<AuditEvent[]>('GET', '/api/audit')).body;
    // The same events with the same numbers, then the sign-ins on this server, numbered on.
    expect(audit.slice(0, auditBefore.length)).toStrictEqual(auditBefore);
    expect(audit.slice(auditBefore.length).map((event) => [event.seq, event.type])).toEqual([
      [auditBefore.length + 1, 'auth.login'],
      [auditBefore.length + 2, 'auth.login'],
    ]);

    // The mail that waited in the data dir is sent from here (as a file: no SMTP here).
    const sent = emlDirectory(server.config.dataDir);
    const [file] = await vi.waitFor(
      async () => {
        const files = await emlFilesIn(sent);
        if (files.length === 0) throw new Error('the moved mail was not sent');
        return files;
      },
      { timeout: 5_000, interval: 20 },
    );
    const mail = await simpleParser(await fs.readFile(path.join(sent, file!)));
    expect(mail.messageId).toBe(unsentMail.messageId);
    expect(mail.subject).toBe('Nog niet verstuurd');
  });

  it('finds what differs between the data dir and a database', async () => {
    const copy = await createTestDatabase();
    databases.push(copy);
    const result = await runNode(MIGRATE_DATA_JS, ['--from', dataDir, '--to', copy.url]);
    expect(result.code).toBe(0);

    const client = new pg.Client({ connectionString: copy.url });
    await client.connect();
    try {
      await client.query("update users set name = 'Iemand anders' where email = $1", [editorEmail]);
      await client.query(
        `update drafts set body = replace(body, '"label": "Twee"', '"label": "Drie"')
          where number = 2`,
      );
      // The same event to a parser, other bytes: only a comparison of the text sees it.
      await client.query(
        `update audit_events set event = replace(event::text, '{"seq":2,', '{"seq":2 ,')::json
          where seq = 2`,
      );
      await client.query('delete from doc_snapshots where paper_id = $1', [paperIds[1]]);
      await client.query("update outbox set message = replace(message, 'Beste', 'Geachte')");
    } finally {
      await client.end();
    }

    const source = await openFileStorage(dataDir, { fsync: false });
    let differences: string[];
    try {
      differences = await verifyMigration(source, dataDir, copy.url, () => {});
    } finally {
      await source.close();
    }
    const [first, second] = paperIds;
    expect(differences).toEqual(
      expect.arrayContaining([
        `account ${editorId}: name differs`,
        `draft 2 of paper ${first}: its text differs`,
        `draft 2 of paper ${first}: its sha256 differs`,
        'audit event 2: its JSON differs',
        `paper ${second}: its documents are missing on one side`,
        `pending mail ${unsentMail.id}: raw differs`,
      ]),
    );
  });

  it('refuses a database that holds an installation, and changes nothing', async () => {
    const counts = await rowCounts(target.url);
    const result = await runNode(MIGRATE_DATA_JS, ['--from', dataDir, '--to', target.url]);
    expect(result.output).toMatch(
      /Migration refused, nothing was changed: PostgreSQL database "\w+" on [\d.:]+ is not empty \(it holds 3 accounts, /,
    );
    expect(result.code).toBe(1);
    expect(await rowCounts(target.url)).toEqual(counts);
  });
});
