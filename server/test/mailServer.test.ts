/**
 * The mail machinery as the running server wires it: its sender starts with the server (and
 * sends what an earlier run left pending), stops with it, and goes to SMTP or to `.eml` files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withDefaults } from '../src/config.js';
import type { RunningServer } from '../src/createServer.js';
import { Mailer } from '../src/mail/Mailer.js';
import { emlDirectory } from '../src/mail/startMail.js';
import { openStorage } from '../src/storage/openStorage.js';
import { startTestServer, TEST_BACKEND, tempDataDir, testDatabaseFor } from './helpers.js';
import { emlFilesIn } from './emlFiles.js';
import { SmtpReceiver } from './SmtpReceiver.js';

const MESSAGE = {
  to: 'eva@gemeente.test',
  subject: 'Uitnodiging voor Standpunt',
  text: 'Beste Eva, welkom: http://localhost/welkom/abc',
  html: '<p>Beste Eva, <a href="http://localhost/welkom/abc">welkom</a></p>',
};

const running: RunningServer[] = [];
const receivers: SmtpReceiver[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function receiver(): Promise<SmtpReceiver> {
  const started = await SmtpReceiver.start();
  receivers.push(started);
  return started;
}

describe(`mail in the running server (${TEST_BACKEND})`, () => {
  it('sends through STANDPUNT_SMTP_URL what a feature enqueues, from STANDPUNT_MAIL_FROM', async () => {
    const smtp = await receiver();
    const server = await startTestServer({
      smtpUrl: smtp.url(),
      mailFrom: 'VNG Standpunt <standpunt@vng.test>',
    });
    running.push(server);
    const queued = await server.mailer.enqueue(MESSAGE);
    const [mail] = await smtp.receive(1);
    expect(mail!.envelope).toStrictEqual({ from: 'standpunt@vng.test', to: ['eva@gemeente.test'] });
    expect(mail!.parsed.messageId).toBe(queued.messageId);
    expect(mail!.parsed.text?.trim()).toBe(MESSAGE.text);
  });

  it('writes .eml files into DATA_DIR/outbox/sent/ without SMTP, and logs the subject', async () => {
    const dataDir = await tempDataDir();
    const logged: string[] = [];
    const server = await startTestServer({ dataDir, log: (line) => logged.push(line) });
    running.push(server);
    const queued = await server.mailer.enqueue(MESSAGE);
    const dir = emlDirectory(dataDir);
    // Logged once the file is complete under its name.
    const line = await vi.waitFor(
      () => {
        const found = logged.find((each) => each.startsWith(`mail "${MESSAGE.subject}"`));
        if (!found) throw new Error('no mail logged yet');
        return found;
      },
      { timeout: 5_000, interval: 10 },
    );
    const files = await emlFilesIn(dir);
    expect(files).toHaveLength(1);
    expect(line).toBe(`mail "${MESSAGE.subject}" written to ${path.join(dir, files[0]!)}`);
    const parsed = await simpleParser(await fs.readFile(path.join(dir, files[0]!)));
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.from?.value).toStrictEqual([
      { name: 'Standpunt', address: 'standpunt@localhost' },
    ]);
  });

  it('sends at start what an earlier run left in the outbox', async () => {
    const dataDir = await tempDataDir();
    // An installation that ran before (it has its accounts)...
    await (await startTestServer({ dataDir })).stop();
    const config = withDefaults({
      dataDir,
      databaseUrl: TEST_BACKEND === 'postgres' ? await testDatabaseFor(dataDir) : undefined,
      log: () => {},
    });
    // ...and a mail recorded by a process that stopped before its sender got to it.
    const storage = await openStorage(config);
    const queued = await new Mailer({ outbox: storage.outbox, from: config.mailFrom }).enqueue(
      MESSAGE,
    );
    await storage.close();

    const smtp = await receiver();
    running.push(await startTestServer({ dataDir, smtpUrl: smtp.url() }));
    const [mail] = await smtp.receive(1);
    expect(mail!.parsed.messageId).toBe(queued.messageId);
  });

  it('names the port it listens on in the base of links, when none was configured', async () => {
    const server = await startTestServer();
    running.push(server);
    expect(server.config.publicUrl).toBe(`http://localhost:${server.port}`);
    const configured = await startTestServer({ publicUrl: 'https://standpunt.vng.test' });
    running.push(configured);
    expect(configured.config.publicUrl).toBe('https://standpunt.vng.test');
  });
});
