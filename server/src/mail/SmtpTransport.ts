/**
 * Mail to an SMTP server (STANDPUNT_SMTP_URL), through nodemailer. The message goes as
 * composed at enqueue (`raw`), so nodemailer adds nothing of its own to it.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { OutgoingMail } from '../storage/OutboxStore.js';
import type { MailTransport } from './MailTransport.js';
import { describeSmtp } from './mailSettings.js';

/**
 * nodemailer waits minutes by default; a server that does not answer is given up on sooner.
 * (The sender's own deadline for an attempt, which also ends a server that answers but too
 * slowly, is the signal given to `send`.)
 */
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** The URL's password, as given and decoded, so that neither ends up in a message. */
function passwordsIn(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

export class SmtpTransport implements MailTransport {
  readonly description: string;
  readonly #url: string;
  readonly #transporter: Transporter;

  constructor(url: string) {
    this.#url = url;
    this.description = describeSmtp(url);
    this.#transporter = nodemailer.createTransport({
      url,
      // One connection, kept open between mails: a batch of invitations does not open one
      // connection (and TLS handshake, and login) per mail.
      pool: true,
      maxConnections: 1,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(mail: OutgoingMail, signal: AbortSignal): Promise<void> {
    try {
      await this.#transporter.sendMail({
        envelope: { from: mail.from, to: [mail.to] },
        raw: mail.raw,
        signal,
      });
    } catch (error) {
      // Not `cause`: the error may carry the connection settings, password included.
      throw new Error(this.#reasonOf(error));
    }
  }

  async close(): Promise<void> {
    this.#transporter.close();
  }

  /** What the server or the network said, with the password blotted out should it appear. */
  #reasonOf(error: unknown): string {
    let reason = error instanceof Error ? error.message : String(error);
    // nodemailer says only "Message sending aborted"; the reason is the sender's.
    if (error instanceof Error && error.cause instanceof Error) {
      reason = `${reason}: ${error.cause.message}`;
    }
    for (const password of passwordsIn(this.#url)) reason = reason.split(password).join('***');
    return reason;
  }
}
