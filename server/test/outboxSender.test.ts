/**
 * The outbox's sending path against a real SMTP server (SmtpReceiver) and the outbox of
 * TEST_BACKEND: delivery, retries, restarts, several senders, the `.eml` fallback. Timers are
 * made short through the sender's options; nothing waits for seconds.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmlDirectoryTransport } from '../src/mail/EmlDirectoryTransport.js';
import { Mailer } from '../src/mail/Mailer.js';
import type { MailTransport } from '../src/mail/MailTransport.js';
import { OutboxSender, type OutboxSenderOptions } from '../src/mail/OutboxSender.js';
import { SmtpTransport } from '../src/mail/SmtpTransport.js';
import { emlDirectory } from '../src/mail/startMail.js';
import { FileOutboxStore } from '../src/storage/FileOutboxStore.js';
import type { OutboxStore } from '../src/storage/OutboxStore.js';
import { createDatabase } from '../src/storage/postgres/database.js';
import { migrateToLatest } from '../src/storage/postgres/migrate.js';
import { PgOutboxStore } from '../src/storage/postgres/PgOutboxStore.js';
import { TEST_BACKEND, tempDataDir } from './helpers.js';
import { emlFilesIn } from './emlFiles.js';
import { SmtpReceiver, type Verdict } from './SmtpReceiver.js';
import { createTestDatabase } from './testDatabase.js';

const FROM = 'Standpunt <noreply@standpunt.test>';
const FAST = {
  pollIntervalMs: 20,
  retry: { firstDelayMs: 50, maxDelayMs: 200 },
  attemptTimeoutMs: 1_000,
  leaseMs: 2_000,
  stopGraceMs: 50,
} satisfies Partial<OutboxSenderOptions>;

const INVITATION = {
  to: 'eva@gemeente.test',
  subject: 'Welkom bij Standpunt — kies je wachtwoord',
  text: 'Beste Eva,\n\nKies je wachtwoord via http://localhost:3000/welkom/abc123\n\nGroet, VNG',
  html: '<p>Beste Eva,</p><p>Kies je <a href="http://localhost:3000/welkom/abc123">wachtwoord</a>.</p>',
};

/** Everything a test opened, closed after it whatever happened. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface TestOutbox {
  store: OutboxStore;
  /** The same outbox opened anew, as by a restarted process. */
  reopen(): Promise<OutboxStore>;
  /** The outbox as a second process sees it (on files: the same store, one process only). */
  other(): Promise<OutboxStore>;
}

async function openOutbox(): Promise<TestOutbox> {
  if (TEST_BACKEND === 'file') {
    const dir = await tempDataDir();
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    const store = await FileOutboxStore.open(dir);
    return { store, reopen: () => FileOutboxStore.open(dir), other: async () => store };
  }
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const connect = () => {
    const db = createDatabase(database.url);
    cleanups.push(() => db.destroy());
    return new PgOutboxStore(db);
  };
  const migrating = createDatabase(database.url);
  await migrateToLatest(migrating);
  await migrating.destroy();
  return { store: connect(), reopen: async () => connect(), other: async () => connect() };
}

async function startReceiver(verdict?: (attempt: number) => Verdict): Promise<SmtpReceiver> {
  const receiver = await SmtpReceiver.start(verdict ? { verdict } : {});
  cleanups.push(() => receiver.close());
  return receiver;
}

/** A started sender and the Mailer that wakes it; stopped after the test. */
function startSending(
  outbox: OutboxStore,
  transport: MailTransport,
  options: Partial<OutboxSenderOptions> = {},
) {
  const logged: string[] = [];
  const sender = new OutboxSender({
    outbox,
    transport,
    log: (line) => logged.push(line),
    ...FAST,
    ...options,
  });
  const mailer = new Mailer({ outbox, from: FROM, onEnqueued: () => sender.wake() });
  sender.start();
  cleanups.push(() => sender.stop());
  return { sender, mailer, logged };
}

const marked = (outbox: OutboxStore, id: string) =>
  vi.waitFor(
    async () => {
      const entry = await outbox.find(id);
      if (!entry?.sentAt) throw new Error(`mail ${id} not marked sent`);
      return entry;
    },
    { timeout: 5_000, interval: 10 },
  );

/** Long enough for several polls and retries: what was not sent again by then is not. */
const severalPolls = () => new Promise((resolve) => setTimeout(resolve, 300));

describe(`OutboxSender (${TEST_BACKEND})`, () => {
  it('delivers an enqueued mail with both parts, its From and its Message-ID, then marks it sent', async () => {
    const receiver = await startReceiver();
    const { store } = await openOutbox();
    const { mailer } = startSending(store, new SmtpTransport(receiver.url()));
    const unsubscribe = '<http://localhost:3000/api/notifications/unsubscribe?token=t0k3n>';
    const queued = await mailer.enqueue({
      ...INVITATION,
      headers: {
        'List-Unsubscribe': unsubscribe,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    // Recorded before enqueue resolved.
    expect((await store.find(queued.id))?.messageId).toBe(queued.messageId);

    const [mail] = await receiver.receive(1);
    expect(mail!.envelope).toStrictEqual({
      from: 'noreply@standpunt.test',
      to: ['eva@gemeente.test'],
    });
    const { parsed } = mail!;
    expect(parsed.from?.value).toStrictEqual([
      { name: 'Standpunt', address: 'noreply@standpunt.test' },
    ]);
    expect(parsed.messageId).toBe(queued.messageId);
    expect(queued.messageId).toMatch(/^<[A-Za-z0-9_-]{16}@standpunt\.test>$/);
    expect(parsed.subject).toBe(INVITATION.subject);
    expect(parsed.text?.trim()).toBe(INVITATION.text);
    expect(parsed.html).toBe(INVITATION.html);
    expect(mail!.raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    const header = (name: string) =>
      parsed.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: ${unsubscribe}`);
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );

    const entry = await marked(store, queued.id);
    expect(entry).toMatchObject({ attempts: 0, lastError: null });
    expect(await store.pending()).toStrictEqual([]);
  });

  it('retries a mail the server refuses for now, with growing waits, and delivers it once', async () => {
    const attemptTimes: number[] = [];
    const receiver = await startReceiver((attempt) => {
      attemptTimes.push(Date.now());
      return attempt <= 2
        ? { code: 451, message: '4.7.1 Greylisted, probeer het later' }
        : 'accept';
    });
    const { store } = await openOutbox();
    const { mailer, logged } = startSending(store, new SmtpTransport(receiver.url()));
    const queued = await mailer.enqueue(INVITATION);

    const [mail] = await receiver.receive(1);
    expect(mail!.parsed.messageId).toBe(queued.messageId);
    const entry = await marked(store, queued.id);
    expect(entry.attempts).toBe(2);
    expect(entry.lastError).toMatch(/451 4\.7\.1 Greylisted/);
    // 50 ms after the first failure, then 100 ms after the second.
    expect(attemptTimes[1]! - attemptTimes[0]!).toBeGreaterThanOrEqual(50);
    expect(attemptTimes[2]! - attemptTimes[1]!).toBeGreaterThanOrEqual(100);
    expect(logged.filter((line) => line.includes('not sent, attempt'))).toHaveLength(2);

    await severalPolls();
    expect(receiver.attempts).toBe(3);
    expect(receiver.received).toHaveLength(1);
  });

  it('delivers after a restart what was pending when the sender stopped', async () => {
    let refusing = true;
    const receiver = await startReceiver(() =>
      refusing ? { code: 421, message: '4.3.2 Tijdelijk niet beschikbaar' } : 'accept',
    );
    const outbox = await openOutbox();
    const first = startSending(outbox.store, new SmtpTransport(receiver.url()));
    const queued = await first.mailer.enqueue(INVITATION);
    await receiver.until(() => receiver.attempts >= 1, 'a first attempt');
    await first.sender.stop();
    expect((await outbox.store.pending()).map((entry) => entry.id)).toStrictEqual([queued.id]);

    refusing = false;
    const store = await outbox.reopen();
    startSending(store, new SmtpTransport(receiver.url()));
    const [mail] = await receiver.receive(1);
    expect(mail!.parsed.messageId).toBe(queued.messageId);
    expect((await marked(store, queued.id)).attempts).toBeGreaterThanOrEqual(1);
    await severalPolls();
    expect(receiver.received).toHaveLength(1);
  });

  it('sends a mail whose sender died holding it, once the claim has run out', async () => {
    const receiver = await startReceiver();
    const outbox = await openOutbox();
    const mailer = new Mailer({ outbox: outbox.store, from: FROM });
    const queued = await mailer.enqueue(INVITATION);
    // A sender claims it and dies before it can say how the attempt went.
    const lease = 300;
    const claimed = await outbox.store.claimNext({ now: new Date(), leaseMs: lease });
    expect(claimed?.id).toBe(queued.id);
    const diedAt = Date.now();

    const store = await outbox.reopen();
    startSending(store, new SmtpTransport(receiver.url()));
    const [mail] = await receiver.receive(1);
    expect(mail!.parsed.messageId).toBe(queued.messageId);
    await marked(store, queued.id);
    // Processes share claims only through the database; a file store's died with its process.
    if (TEST_BACKEND === 'postgres') expect(Date.now() - diedAt).toBeGreaterThanOrEqual(lease);
  });

  it('never sends one mail twice when two senders share the outbox', async () => {
    const receiver = await startReceiver();
    const outbox = await openOutbox();
    const mailer = new Mailer({ outbox: outbox.store, from: FROM });
    const count = 20;
    const queued = [];
    for (let n = 0; n < count; n++) {
      queued.push(await mailer.enqueue({ ...INVITATION, to: `persoon${n}@gemeente.test` }));
    }
    startSending(outbox.store, new SmtpTransport(receiver.url()));
    startSending(await outbox.other(), new SmtpTransport(receiver.url()));

    await receiver.receive(count);
    await vi.waitFor(async () => expect(await outbox.store.pending()).toStrictEqual([]), {
      timeout: 5_000,
      interval: 10,
    });
    await severalPolls();
    const ids = receiver.received.map((mail) => mail.parsed.messageId);
    expect(ids).toHaveLength(count);
    expect(new Set(ids)).toStrictEqual(new Set(queued.map((mail) => mail.messageId)));
  });

  it('cuts off an attempt that hangs when stopped; the mail stays pending', async () => {
    const receiver = await startReceiver(() => 'hang');
    const { store } = await openOutbox();
    const { sender, mailer } = startSending(store, new SmtpTransport(receiver.url()));
    const queued = await mailer.enqueue(INVITATION);
    await receiver.until(() => receiver.attempts >= 1, 'an attempt');
    const stopping = Date.now();
    await sender.stop();
    expect(Date.now() - stopping).toBeLessThan(2_000);
    expect(await store.find(queued.id)).toMatchObject({ sentAt: null, attempts: 1 });
    expect(receiver.received).toHaveLength(0);
  });

  it('gives up on an attempt the server does not answer in time, and retries it', async () => {
    const receiver = await startReceiver((attempt) => (attempt === 1 ? 'hang' : 'accept'));
    const { store } = await openOutbox();
    const { mailer } = startSending(store, new SmtpTransport(receiver.url()), {
      attemptTimeoutMs: 200,
    });
    const queued = await mailer.enqueue(INVITATION);
    await receiver.receive(1);
    const entry = await marked(store, queued.id);
    expect(entry.attempts).toBe(1);
    expect(entry.lastError).toMatch(/no answer within 200 ms/);
    expect(receiver.attempts).toBe(2);
  });

  it('never writes the SMTP password into a log line or the outbox', async () => {
    const receiver = await SmtpReceiver.start({ refuseLogins: true });
    cleanups.push(() => receiver.close());
    const { store } = await openOutbox();
    const password = 'Geheim%21wachtwoord';
    const { mailer, logged } = startSending(
      store,
      new SmtpTransport(receiver.url(`standpunt:${password}`)),
    );
    const queued = await mailer.enqueue(INVITATION);
    const entry = await vi.waitFor(
      async () => {
        const found = await store.find(queued.id);
        if (!found?.lastError) throw new Error('no failed attempt yet');
        return found;
      },
      { timeout: 5_000, interval: 10 },
    );
    expect(entry.lastError).toMatch(/535/);
    for (const text of [entry.lastError!, ...logged]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(decodeURIComponent(password));
    }
  });
});

describe(`the .eml fallback (${TEST_BACKEND})`, () => {
  it('writes every mail as a parseable RFC 5322 file in DATA_DIR/outbox/sent/ and logs its subject', async () => {
    const dataDir = await tempDataDir();
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const { store } = await openOutbox();
    const dir = emlDirectory(dataDir);
    const logged: string[] = [];
    const transport = new EmlDirectoryTransport(dir, { fsync: true }, (line) => logged.push(line));
    const { mailer } = startSending(store, transport);
    const queued = await mailer.enqueue(INVITATION);
    await marked(store, queued.id);

    expect(dir).toBe(path.join(dataDir, 'outbox', 'sent'));
    const files = await emlFilesIn(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d{8}T\\d{6}Z-${queued.id}\\.eml$`));
    const file = path.join(dir, files[0]!);
    const raw = await fs.readFile(file);
    expect(raw.toString('latin1')).toMatch(/\r\n\r\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.from?.value).toStrictEqual([
      { name: 'Standpunt', address: 'noreply@standpunt.test' },
    ]);
    expect(parsed.to).toMatchObject({ text: 'eva@gemeente.test' });
    expect(parsed.subject).toBe(INVITATION.subject);
    expect(parsed.text?.trim()).toBe(INVITATION.text);
    expect(parsed.html).toBe(INVITATION.html);
    // The Date header is the enqueue time, to the second.
    const createdAt = Date.parse((await store.find(queued.id))!.createdAt);
    expect(parsed.date?.getTime()).toBe(Math.floor(createdAt / 1000) * 1000);
    expect(logged).toContain(`mail "${INVITATION.subject}" written to ${file}`);
  });
});
