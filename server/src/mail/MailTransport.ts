import type { OutgoingMail } from '../storage/OutboxStore.js';

/** Where the sender hands mails over: an SMTP server, or a directory of `.eml` files. */
export interface MailTransport {
  /** Where mail goes, for the log (never a password). */
  readonly description: string;
  /**
   * Hands the mail over as it is (its raw message, to its envelope); resolves once the other
   * side has taken it — the SMTP server's 250 after the data, or the file flushed. Gives up,
   * rejecting, when `signal` aborts.
   */
  send(mail: OutgoingMail, signal: AbortSignal): Promise<void>;
  /** Ends the connections the transport keeps open between mails. */
  close(): Promise<void>;
}
