/**
 * The mail machinery of one server process, as `startServer` runs it: the Mailer features
 * enqueue through, and the OutboxSender that sends what the outbox holds.
 */
import path from 'node:path';
import type { ServerConfig } from '../config.js';
import { OUTBOX_DIR } from '../storage/FileOutboxStore.js';
import type { OutboxStore } from '../storage/OutboxStore.js';
import { EmlDirectoryTransport } from './EmlDirectoryTransport.js';
import { Mailer } from './Mailer.js';
import type { MailTransport } from './MailTransport.js';
import { OutboxSender } from './OutboxSender.js';
import { SmtpTransport } from './SmtpTransport.js';

/** The directory the server without SMTP writes its mails to. */
export function emlDirectory(dataDir: string): string {
  return path.join(dataDir, OUTBOX_DIR, 'sent');
}

/** SMTP when STANDPUNT_SMTP_URL is set, `.eml` files in DATA_DIR without. */
export function openMailTransport(config: ServerConfig): MailTransport {
  if (config.smtpUrl) return new SmtpTransport(config.smtpUrl);
  return new EmlDirectoryTransport(
    emlDirectory(config.dataDir),
    { fsync: config.fsync },
    config.log,
  );
}

export interface RunningMail {
  mailer: Mailer;
  /** Stops sending (see OutboxSender.stop); before the storage closes. */
  stop(): Promise<void>;
}

export function startMail(config: ServerConfig, outbox: OutboxStore): RunningMail {
  const transport = openMailTransport(config);
  const sender = new OutboxSender({ outbox, transport, log: config.log });
  const mailer = new Mailer({ outbox, from: config.mailFrom, onEnqueued: () => sender.wake() });
  config.log(`mail goes to ${transport.description}`);
  sender.start();
  return { mailer, stop: () => sender.stop() };
}
