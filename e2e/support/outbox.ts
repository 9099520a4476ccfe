/**
 * The mails the server sent. Without SMTP, as in these tests, each one is an RFC 5322 `.eml`
 * file in `<dataDir>/outbox/sent/`, named so that they list in the order they were made.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import type { StandpuntServer } from './StandpuntServer.js';

export interface SentMail {
  file: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

const WAIT_MS = 15_000;
const POLL_MS = 100;

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.map((each) => each.address ?? ''));
}

/** Every mail sent so far, oldest first, parsed (quoted-printable and all). */
export async function sentMails(server: StandpuntServer): Promise<SentMail[]> {
  const dir = path.join(server.dataDir, 'outbox', 'sent');
  const files = await readdir(dir).catch(() => [] as string[]);
  const mails: SentMail[] = [];
  for (const file of files.filter((name) => name.endsWith('.eml')).sort()) {
    const parsed = await simpleParser(await readFile(path.join(dir, file)));
    mails.push({
      file,
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
    });
  }
  return mails;
}

/** Waits until `count` mails to `to` were sent, and returns them, oldest first. */
export async function mailsTo(server: StandpuntServer, to: string, count = 1): Promise<SentMail[]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const mails = (await sentMails(server)).filter((mail) => mail.to.includes(to));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) {
      throw new Error(`${mails.length} of ${count} mails to ${to} in ${server.dataDir}/outbox`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The link under `linkPath` (e.g. `/welkom`) in a mail: from the text part, which must hold the
 * same link as the HTML part's button, since some mail programs show only one of them.
 */
export function linkIn(mail: SentMail, linkPath: string): string {
  const pattern = new RegExp(`https?://[^\\s"<>]+${linkPath}/[A-Za-z0-9_-]+`);
  const link = pattern.exec(mail.text)?.[0];
  if (!link) throw new Error(`no ${linkPath} link in the mail "${mail.subject}":\n${mail.text}`);
  if (!mail.html.includes(`href="${link}"`)) {
    throw new Error(`the HTML part of "${mail.subject}" does not link to ${link}`);
  }
  return link;
}
