/**
 * Mail without an SMTP server (the embedded default): every mail becomes an RFC 5322 `.eml`
 * file in `DATA_DIR/outbox/sent/`, and its subject is logged, so that whoever runs the server
 * can open the mail — and follow its link — in any mail program.
 */
import path from 'node:path';
import {
  makeDirectoryDurably,
  writeFileDurably,
  type Durability,
} from '../storage/durableWrite.js';
import type { OutgoingMail } from '../storage/OutboxStore.js';
import type { MailTransport } from './MailTransport.js';

/** `20260301T100000Z-<id>.eml`: listed in the order the mails were made. */
export function emlFileName(mail: OutgoingMail): string {
  const stamp = mail.createdAt.replace(/[-:]|\.\d+/g, '');
  return `${stamp}-${mail.id}.eml`;
}

export class EmlDirectoryTransport implements MailTransport {
  readonly description: string;

  constructor(
    private readonly dir: string,
    private readonly durability: Durability,
    private readonly log: (message: string) => void,
  ) {
    this.description = `.eml files in ${dir} (STANDPUNT_SMTP_URL is not set)`;
  }

  // No signal taken: a local file is written in moments, there is nothing to give up on.
  async send(mail: OutgoingMail): Promise<void> {
    makeDirectoryDurably(this.dir, this.durability);
    const file = path.join(this.dir, emlFileName(mail));
    // Replaced, not refused, when it exists: a mail written again after a crash is the same.
    await writeFileDurably(file, mail.raw, this.durability);
    this.log(`mail "${mail.subject}" written to ${file}`);
  }

  async close(): Promise<void> {}
}
