/**
 * A real SMTP server on a free loopback port (the `smtp-server` package), for tests: it keeps
 * every mail it accepted, parsed, and can refuse attempts or hold them without an answer.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface ReceivedMail {
  /** MAIL FROM and RCPT TO, as the sender gave them. */
  envelope: { from: string; to: string[] };
  /** The message as it arrived, byte for byte. */
  raw: string;
  parsed: ParsedMail;
}

/** What to do with one attempt (counted from 1): accept it, refuse it, or never answer. */
export type Verdict = 'accept' | { code: number; message: string } | 'hang';

export interface SmtpReceiverOptions {
  verdict?: (attempt: number) => Verdict;
  /** Demand a login, and refuse every one (to test what a failed login reveals). */
  refuseLogins?: boolean;
}

export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  /** Messages whose data arrived, accepted or not. */
  attempts = 0;
  readonly #server: SMTPServer;
  readonly #waiters = new Set<() => void>();
  #port = 0;

  private constructor({ verdict = () => 'accept', refuseLogins = false }: SmtpReceiverOptions) {
    this.#server = new SMTPServer({
      // Plain SMTP on loopback: no certificate to make, and nodemailer then sends in the clear.
      disabledCommands: refuseLogins ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !refuseLogins,
      allowInsecureAuth: true,
      logger: false,
      // A connection a test left open (a mail held without an answer) must not stall close.
      closeTimeout: 500,
      onAuth: (_auth, _session, callback) => {
        const error: SMTPServerError = new Error('Aanmelden mislukt');
        error.responseCode = 535;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const attempt = ++this.attempts;
          const answer = verdict(attempt);
          this.#changed();
          if (answer === 'hang') return;
          if (answer !== 'accept') {
            const error: SMTPServerError = new Error(answer.message);
            error.responseCode = answer.code;
            callback(error);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          };
          simpleParser(raw).then(
            (parsed) => {
              this.received.push({ envelope, raw, parsed });
              callback();
              this.#changed();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
  }

  static async start(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver(options);
    await new Promise<void>((resolve, reject) => {
      receiver.#server.once('error', reject);
      receiver.#server.listen(0, '127.0.0.1', () => resolve());
    });
    receiver.#port = (receiver.#server.server.address() as AddressInfo).port;
    return receiver;
  }

  /** `smtp://127.0.0.1:<port>`, with `login` (`user:password`) when given. */
  url(login?: string): string {
    return `smtp://${login ? `${login}@` : ''}127.0.0.1:${this.#port}`;
  }

  /** Resolves once `condition` holds, checked whenever an attempt arrives or a mail is kept. */
  async until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`timed out waiting for ${what} (received ${this.received.length})`));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }

  /** Waits until `count` mails were accepted; returns them. */
  async receive(count: number): Promise<ReceivedMail[]> {
    await this.until(() => this.received.length >= count, `${count} mail(s)`);
    return this.received;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #changed(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
