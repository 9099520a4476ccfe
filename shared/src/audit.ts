/**
 * The audit trail's events: who did what, when — never document content. A union on `type`,
 * so a new kind of event is added here first and then handled wherever events are shown.
 */
import type { DraftExportFormat, ReactienotaFormat } from './drafts.js';
import type { PaperRole, Phase } from './domain.js';
import type { SsoAccountRefusal } from './sso.js';
import type { Disposition, ThreadKind } from './threads.js';

export interface AuditActor {
  userId: string;
  name: string;
  municipality: string;
}

export type AuditDetails =
  | { type: 'auth.login'; email: string }
  /**
   * `throttled`: one event per burst of refused attempts for one address from one client
   * address, `attempts` saying how many (`email` and `ip` are `*` for the attempts counted
   * together once too many bursts came at once).
   */
  | {
      type: 'auth.login_failed';
      email: string;
      reason: 'credentials' | 'throttled' | 'inactive';
      attempts?: number;
    }
  | { type: 'auth.logout' }
  /** A sign-in through a single sign-on provider (`provider`: its id in the providers file). */
  | { type: 'auth.sso_login'; email: string; provider: string; providerName: string }
  /** Refused after the provider vouched for the person; `email` as the provider gave it. */
  | {
      type: 'auth.sso_refused';
      email: string | null;
      provider: string;
      providerName: string;
      reason: SsoAccountRefusal;
    }
  | { type: 'user.created'; userId: string; email: string; admin: boolean }
  /** An account made by its holder's first sign-in through a single sign-on provider. */
  | {
      type: 'user.created_by_sso';
      userId: string;
      email: string;
      municipality: string;
      provider: string;
      providerName: string;
    }
  /** `fields`: which of name, municipality and admin changed (the record holds the rest). */
  | {
      type: 'user.updated';
      userId: string;
      email: string;
      fields: ('name' | 'municipality' | 'admin')[];
      admin: boolean;
    }
  | { type: 'user.deactivated'; userId: string; email: string }
  | { type: 'user.reactivated'; userId: string; email: string }
  /** A bulk import (not a dry run): how many accounts it made and found there already. */
  | { type: 'user.imported'; created: number; existing: number; invited: boolean }
  | { type: 'user.invitation_sent'; userId: string; email: string }
  /** The invited person chose a password through the link. */
  | { type: 'auth.invitation_accepted'; email: string }
  /** Asked for a reset link; `known`: whether an active account holds the address. */
  | { type: 'auth.password_reset_requested'; email: string; known: boolean }
  | { type: 'auth.password_reset'; email: string }
  | { type: 'auth.password_changed'; email: string }
  | { type: 'paper.created'; title: string }
  | { type: 'paper.renamed'; from: string; to: string }
  | { type: 'paper.phase_changed'; from: Phase; to: Phase }
  | { type: 'paper.closing_date_set'; closesAt: string | null }
  | { type: 'member.role_set'; userId: string; from: PaperRole | null; to: PaperRole }
  | { type: 'member.removed'; userId: string; role: PaperRole }
  | { type: 'collab.write_refused'; doc: 'content' | 'threads' }
  | {
      type: 'thread.processed';
      threadId: string;
      kind: ThreadKind;
      status: Disposition;
      municipality: string;
    }
  /** `sha256`: the draft's hash, as stored with it. */
  | { type: 'draft.frozen'; number: number; sha256: string }
  /** `sha256`: of the exported file's bytes, so a copy handed out can be checked later. */
  | { type: 'draft.exported'; number: number; format: DraftExportFormat; sha256: string }
  | { type: 'reactienota.exported'; format: ReactienotaFormat; sha256: string }
  | { type: 'archive.exported'; drafts: number; sha256: string };

export type AuditEventType = AuditDetails['type'];

export type AuditEvent = AuditDetails & {
  /** Sequence number in the log, from 1. */
  seq: number;
  at: string;
  /** Null for acts without a signed-in person (a failed sign-in). */
  actor: AuditActor | null;
  paperId: string | null;
  /** Client address, for sign-in events. */
  ip?: string;
};
