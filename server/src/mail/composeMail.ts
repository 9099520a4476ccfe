/**
 * Builds the mail the outbox keeps: the whole RFC 5322 message, composed once, at enqueue, by
 * nodemailer's MailComposer. Composed once so that every attempt sends the same bytes — the
 * same Message-ID and Date above all, by which a receiver recognises a second copy.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../storage/OutboxStore.js';
import { isBareAddress, parseMailbox } from './mailSettings.js';

/** A mail as a feature writes it. The text is Dutch, and the feature's own. */
export interface MailMessage {
  /** One recipient, a bare address (as accounts hold them). */
  to: string;
  subject: string;
  /** The plain-text part: the whole message, links written out. */
  text: string;
  /** The HTML part: the same message. */
  html: string;
  /**
   * Further header fields, as `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058) for
   * notifications. ASCII values; the fields this module sets itself are refused.
   */
  headers?: Record<string, string>;
}

export interface ComposeOptions {
  /** The outbox id; the Message-ID is made of it. */
  id: string;
  /** `Name <address>` or `address` (STANDPUNT_MAIL_FROM). */
  from: string;
  /** The Date header and the entry's creation time. */
  date: Date;
}

/** The fields the message's structure depends on: a feature never sets them. */
const RESERVED_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** RFC 5322 field name: printable ASCII but the colon. */
const FIELD_NAME = /^[!-9;-~]+$/;

function assertExtraHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!FIELD_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new Error(`A mail cannot carry the header "${name}" as an extra`);
    }
    // A line break would start a header of its own (header injection); nodemailer would
    // encode other characters, which a List-Unsubscribe reader does not decode.
    if (!/^[\t -~]*$/.test(value)) {
      throw new Error(`The header ${name} must be printable ASCII on one line`);
    }
  }
}

/** The message as the outbox keeps it; throws on a recipient or header it cannot carry. */
export async function composeMail(
  message: MailMessage,
  { id, from, date }: ComposeOptions,
): Promise<OutgoingMail> {
  const sender = parseMailbox(from, 'The sender');
  if (!isBareAddress(message.to)) {
    throw new Error(`A mail goes to one bare address, got ${JSON.stringify(message.to)}`);
  }
  const headers = message.headers ?? {};
  assertExtraHeaders(headers);
  // The sender's domain, as nodemailer would pick: the id makes it unique.
  const messageId = `<${id}@${sender.address.split('@')[1]}>`;
  const composer = new MailComposer({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers,
    messageId,
    date,
    newline: 'win',
    // Not base64, which nodemailer picks for text with many accents: quoted-printable keeps the
    // text, and the links in it, readable in an `.eml` file opened as text.
    encoding: 'quoted-printable',
    // The content is given whole; nothing may be read from a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = (await composer.compile().build()).toString('utf8');
  // MailComposer encodes every part and header to 7 bits; the stores rely on it (text without
  // U+0000), and SMTP servers without 8BITMIME need it.
  if (!/^[\x01-\x7f]*$/.test(raw)) throw new Error('The composed mail is not 7-bit text');
  return {
    id,
    messageId,
    from: sender.address,
    to: message.to,
    subject: message.subject,
    raw,
    createdAt: date.toISOString(),
  };
}
