/**
 * How a feature sends mail: `await mailer.enqueue({to, subject, text, html})`. The mail is
 * composed, recorded in the outbox, and only then does `enqueue` resolve — so the feature may
 * answer its request, knowing the mail will go out even if the process dies the next moment.
 * Sending happens afterwards, in the OutboxSender.
 */
import { newId } from '../ids.js';
import type { OutboxStore } from '../storage/OutboxStore.js';
import { composeMail, type MailMessage } from './composeMail.js';
import { parseMailbox } from './mailSettings.js';

export interface MailerOptions {
  outbox: OutboxStore;
  /** The From of every mail (STANDPUNT_MAIL_FROM). */
  from: string;
  /** Told of every mail recorded, so the sender tries it at once rather than at its next poll. */
  onEnqueued?: () => void;
  /** The clock (tests). */
  now?: () => Date;
}

export interface QueuedMail {
  /** The outbox id: `outbox.find(id)` tells whether it was sent. */
  id: string;
  messageId: string;
}

export class Mailer {
  readonly #outbox: OutboxStore;
  readonly #from: string;
  readonly #onEnqueued: () => void;
  readonly #now: () => Date;

  constructor({ outbox, from, onEnqueued = () => {}, now = () => new Date() }: MailerOptions) {
    // At start, not at the first mail: a bad sender address is a configuration error.
    parseMailbox(from, 'STANDPUNT_MAIL_FROM');
    this.#outbox = outbox;
    this.#from = from;
    this.#onEnqueued = onEnqueued;
    this.#now = now;
  }

  /** Records the mail durably; resolves once it is, and the sender has been told. */
  async enqueue(message: MailMessage): Promise<QueuedMail> {
    const mail = await composeMail(message, { id: newId(), from: this.#from, date: this.#now() });
    await this.#outbox.enqueue(mail);
    this.#onEnqueued();
    return { id: mail.id, messageId: mail.messageId };
  }
}
