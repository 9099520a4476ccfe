import type { LoginThrottle } from '../auth/LoginThrottle.js';
import type { ThrottledAttempts } from '../auth/ThrottledAttempts.js';
import type { SessionService } from '../auth/SessionService.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { ServerConfig } from '../config.js';
import type { DraftService } from '../drafts/DraftService.js';
import type { AccountLinks } from '../accounts/AccountLinks.js';
import type { SignOut } from '../collab/CollabIdentity.js';
import type { Mailer } from '../mail/Mailer.js';
import type { DocumentStore } from '../storage/DocumentStore.js';
import type { MetaStore } from '../storage/MetaStore.js';
import type { ReactienotaService } from '../reactienota/ReactienotaService.js';
import type { ThreadService } from '../threads/ThreadService.js';

/** What the API routes work with; built once in `startServer`. */
export interface AppContext {
  config: ServerConfig;
  meta: MetaStore;
  sessions: SessionService;
  /** Failed sign-ins, counted across every server process. */
  loginThrottle: LoginThrottle;
  documents: DocumentStore;
  audit: AuditLog;
  threads: ThreadService;
  drafts: DraftService;
  reactienota: ReactienotaService;
  /** Mails go out through the outbox: `await mailer.enqueue(…)` before answering. */
  mailer: Mailer;
  /** The one-time links of invitations and password resets. */
  links: AccountLinks;
  /** Where sign-ins refused by the throttle are counted for the audit trail. */
  throttledAttempts: ThrottledAttempts;
  /** Counts requests for a reset link, per address and per e-mail. */
  resetThrottle: LoginThrottle;
  /** Called after sessions ended, so that their sockets close (4401) on every process. */
  signedOut(who: SignOut): Promise<void>;
  /** Called after a role or phase change, so open sockets get the new rights at once. */
  paperAccessChanged(paperId: string): Promise<void>;
}
