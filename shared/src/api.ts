/**
 * Request and response shapes of the HTTP API (see DESIGN.md). The server validates every
 * request body with these schemas; the client uses the inferred types.
 */
import { z } from 'zod';
import { PAPER_ROLES, PHASES } from './domain.js';
import type { SignInMethod } from './accounts.js';
import { isOrganisationCode } from './organisations.js';

/** Control characters (NUL, escape, …): no name, title or address holds them. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f-\u009f]*$/;

/** A one-line text such as a name or title: trimmed, not empty, no control characters. */
export function singleLine(max: number, empty?: string) {
  return z
    .string()
    .trim()
    .min(1, empty)
    .max(max)
    .regex(NO_CONTROL_CHARACTERS, 'Gebruik geen stuurtekens (zoals tabs of regeleinden)');
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(
    /^[^\s@\u0000-\u001f\u007f-\u009f]+@[^\s@\u0000-\u001f\u007f-\u009f]+\.[^\s@\u0000-\u001f\u007f-\u009f]+$/,
    'Geen geldig e-mailadres',
  );

/** An id the server made (papers, accounts): what may appear in a filter. */
const serverId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Geen geldige id');

/** Minimum password length for accounts made by an admin. */
export const MIN_PASSWORD_LENGTH = 12;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const organisationCodeSchema = z
  .string()
  .refine(isOrganisationCode, 'Onbekende organisatie: gebruik een CBS-gemeentecode of VNG');

/** Without a password, the account is invited by mail to choose one. */
export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: singleLine(200),
  municipality: organisationCodeSchema,
  password: z.string().max(1024).optional(),
  admin: z.boolean().optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** An account as the API shows it (never the password hash). */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  municipality: string;
  admin: boolean;
  /** False once an admin deactivated it: it cannot sign in. */
  active: boolean;
  signIn: SignInMethod;
  createdAt: string;
}

/** An account as colleagues see it, e.g. to add it to a paper (`GET /api/users/directory`). */
export interface DirectoryEntry {
  id: string;
  name: string;
  email: string;
  municipality: string;
}

export const createPaperRequestSchema = z.object({
  title: singleLine(300),
  theme: singleLine(100),
});
export type CreatePaperRequest = z.infer<typeof createPaperRequestSchema>;

export const patchPaperRequestSchema = z
  .object({
    title: singleLine(300).optional(),
    phase: z.enum(PHASES).optional(),
    /** End of the consultation (ISO 8601 with time zone), or null for none. */
    closesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Niets te wijzigen');
export type PatchPaperRequest = z.infer<typeof patchPaperRequestSchema>;

export const setMemberRequestSchema = z.object({ role: z.enum(PAPER_ROLES) });
export type SetMemberRequest = z.infer<typeof setMemberRequestSchema>;

/** A paper as the API shows it, with the caller's own role on it (if any). */
export interface PaperSummary {
  id: string;
  title: string;
  theme: string;
  phase: (typeof PHASES)[number];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** End of the consultation, if one is set (ISO 8601). */
  closesAt: string | null;
  myRole: (typeof PAPER_ROLES)[number] | null;
}

export interface MeResponse {
  user: PublicUser;
}

/** A member of a paper, with enough of the account to show it. */
export interface PaperMember {
  userId: string;
  name: string;
  email: string;
  municipality: string;
  role: (typeof PAPER_ROLES)[number];
}

/** How many events `GET /api/audit` answers (the last ones) when no `limit` is given. */
export const AUDIT_PAGE_DEFAULT = 1000;
export const AUDIT_PAGE_MAX = 10_000;

export const auditQuerySchema = z.object({
  paper: serverId.optional(),
  actor: serverId.optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  format: z.enum(['json', 'csv']).optional(),
  /** JSON only: the last this many events that match (default {@link AUDIT_PAGE_DEFAULT}). */
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
