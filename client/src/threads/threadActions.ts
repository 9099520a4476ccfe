/**
 * What a person may do with a thread, derived from the same rules the server enforces — only
 * to hide what would be refused.
 */
import {
  canManagePaper,
  canRespond,
  VNG_CODE,
  type PaperSummary,
  type PublicUser,
  type Thread,
} from '@standpunt/shared';

export interface ResponseRights {
  userId: string;
  /** Add threads and replies. */
  respond: boolean;
  /** Record a position: responding, for a municipality (not the association). */
  takePosition: boolean;
  /** Process threads (editors). */
  manage: boolean;
}

export function responseRights(
  user: Pick<PublicUser, 'id' | 'admin' | 'municipality'>,
  paper: Pick<PaperSummary, 'myRole' | 'phase' | 'closesAt'>,
  now: string,
): ResponseRights {
  const actor = { admin: user.admin, role: paper.myRole };
  const respond = canRespond(actor, paper.phase, paper.closesAt, now);
  return {
    userId: user.id,
    respond,
    takePosition: respond && user.municipality !== VNG_CODE,
    manage: canManagePaper(actor, paper.phase),
  };
}

export interface ThreadActions {
  reply: boolean;
  edit: boolean;
  withdraw: boolean;
  accept: boolean;
  reject: boolean;
  resolve: boolean;
  reopen: boolean;
}

export function threadActions(thread: Thread, rights: ResponseRights): ThreadActions {
  const open = thread.status === 'open';
  const ownOpen = open && rights.respond && thread.author.userId === rights.userId;
  const processed =
    thread.status === 'accepted' || thread.status === 'rejected' || thread.status === 'resolved';
  return {
    reply: rights.respond && thread.status !== 'withdrawn',
    edit: ownOpen,
    withdraw: ownOpen,
    accept: rights.manage && open,
    reject: rights.manage && open,
    resolve: rights.manage && open,
    reopen: rights.manage && processed,
  };
}
