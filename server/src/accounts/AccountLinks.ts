/**
 * The one-time links in mails that let someone choose a password: the invitation (14 days)
 * and the reset (60 minutes). The token is random and travels only in the mail; the store
 * holds its sha256, so a leaked store gives no usable link. A new link for the same purpose
 * replaces the earlier one.
 */
import { randomBytes } from 'node:crypto';
import {
  INVITATION_TTL_MS,
  RESET_PASSWORD_PATH,
  RESET_TTL_MS,
  WELCOME_PATH,
} from '@standpunt/shared';
import { hashToken } from '../auth/SessionService.js';
import type { ServerConfig } from '../config.js';
import { invitationMail, passwordResetMail, type AccountMailInput } from '../mail/accountMails.js';
import type { MailMessage } from '../mail/composeMail.js';
import type { Mailer } from '../mail/Mailer.js';
import type {
  AccountTokenPurpose,
  AccountTokenRefusal,
  MetaStore,
  UserRecord,
} from '../storage/MetaStore.js';

interface LinkKind {
  ttlMs: number;
  path: string;
  mail(input: AccountMailInput): MailMessage;
}

const KINDS: Record<AccountTokenPurpose, LinkKind> = {
  invitation: { ttlMs: INVITATION_TTL_MS, path: WELCOME_PATH, mail: invitationMail },
  reset: { ttlMs: RESET_TTL_MS, path: RESET_PASSWORD_PATH, mail: passwordResetMail },
};

/** The account a link is for, or why it does not work. */
export type LinkCheck = { user: UserRecord } | { refused: AccountTokenRefusal };

export class AccountLinks {
  constructor(
    private readonly meta: MetaStore,
    private readonly mailer: Mailer,
    private readonly config: Pick<ServerConfig, 'publicUrl'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Makes a link for the account and puts the mail that carries it in the outbox; resolves
   * once the mail is recorded. The account's earlier link for the purpose stops working.
   */
  async send(user: UserRecord, purpose: AccountTokenPurpose): Promise<void> {
    await this.sendMany([user], purpose, 1);
  }

  /**
   * {@link send} for many accounts: the links in one write, then `atOnce` mails recorded at a
   * time.
   */
  async sendMany(
    users: readonly UserRecord[],
    purpose: AccountTokenPurpose,
    atOnce: number,
  ): Promise<void> {
    const kind = KINDS[purpose];
    const now = this.now();
    const expiresAt = new Date(now.getTime() + kind.ttlMs);
    const links = users.map((user) => ({ user, token: randomBytes(32).toString('base64url') }));
    await this.meta.addAccountTokens(
      links.map(({ user, token }) => ({
        tokenHash: hashToken(token),
        userId: user.id,
        purpose,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        usedAt: null,
      })),
    );
    for (let start = 0; start < links.length; start += atOnce) {
      await Promise.all(
        links.slice(start, start + atOnce).map(({ user, token }) =>
          this.mailer.enqueue(
            kind.mail({
              to: user.email,
              name: user.name,
              municipality: user.municipality,
              link: `${this.config.publicUrl}${kind.path}/${token}`,
              expiresAt,
            }),
          ),
        ),
      );
    }
  }

  /** Whose link it is, without using it. */
  async check(token: string, purpose: AccountTokenPurpose): Promise<LinkCheck> {
    const check = await this.meta.checkAccountToken(
      hashToken(token),
      purpose,
      this.now().toISOString(),
    );
    return this.#withUser(check);
  }

  /** Uses the link up: of two uses at once, one gets the account. */
  async use(token: string, purpose: AccountTokenPurpose): Promise<LinkCheck> {
    const check = await this.meta.useAccountToken(
      hashToken(token),
      purpose,
      this.now().toISOString(),
    );
    return this.#withUser(check);
  }

  async #withUser(
    check: { userId: string } | { refused: AccountTokenRefusal },
  ): Promise<LinkCheck> {
    if ('refused' in check) return check;
    const user = await this.meta.findUserById(check.userId);
    // A deactivated account's links work no more than its password does.
    return user?.active ? { user } : { refused: 'unknown' };
  }
}
