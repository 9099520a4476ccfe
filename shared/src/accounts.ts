/**
 * Accounts at scale (DESIGN.md, "Reaching every municipality"): the shapes of the account
 * list, the bulk import, invitations, password resets and one's own sessions.
 */
import { z } from 'zod';
import { emailSchema as email, organisationCodeSchema, singleLine } from './api.js';

/** A link in an invitation mail works this long. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** A link in a password-reset mail works this long. */
export const RESET_TTL_MS = 60 * 60 * 1000;

/** Where the links in the mails lead (the client's routes). */
export const WELCOME_PATH = '/welkom';
export const RESET_PASSWORD_PATH = '/wachtwoord-herstellen';

/** The largest import body accepted: a 5,000-line CSV is about 400 kB. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** How one signs in to an account. */
export type SignInMethod =
  /** With a password of one's own. */
  | 'password'
  /** Invited and not yet welcomed: no password yet. */
  | 'invited'
  /** Through the municipality's single sign-on provider only. */
  | 'sso';

const password = z.string().min(1, 'Kies een wachtwoord').max(1024);
const token = z.string().min(1).max(200);

/** `PATCH /api/users/:id` (admin). */
export const patchUserRequestSchema = z
  .object({
    name: singleLine(200).optional(),
    municipality: organisationCodeSchema.optional(),
    admin: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Niets te wijzigen');
export type PatchUserRequest = z.infer<typeof patchUserRequestSchema>;

const booleanParameter = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * `GET /api/users` (admin): every condition given must hold. Without `limit` every matching
 * account comes back; the number matching is always in the `X-Total-Count` header.
 */
export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  municipality: organisationCodeSchema.optional(),
  active: booleanParameter.optional(),
  admin: booleanParameter.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type UserListQuery = z.input<typeof userListQuerySchema>;
export const USER_TOTAL_HEADER = 'X-Total-Count';

/**
 * One account of a JSON import: as a CSV line, `{email, name, municipality, admin?}` with the
 * municipality as CBS code or name. The fields are checked one by one, so that each problem is
 * reported with its entry.
 */
export const importedUserSchema = z.looseObject({
  email: z.unknown(),
  name: z.unknown(),
  municipality: z.unknown(),
  admin: z.unknown(),
});
export const importJsonSchema = z.object({ users: z.array(importedUserSchema).max(100_000) });

/** What an import did (or, in a dry run, would do) with one line of the file. */
export interface ImportLine {
  /** As in the file: the CSV header is line 1; the first JSON entry is line 1. */
  line: number;
  email: string;
  name: string;
  municipality: string;
  admin: boolean;
  /** `existing`: an account with the address is there already, and is left as it is. */
  outcome: 'created' | 'existing';
  /** The new account's id; null in a dry run and for existing accounts. */
  id: string | null;
}

/** `POST /api/users/import` 200. */
export interface ImportReport {
  dryRun: boolean;
  created: { id: string | null; email: string }[];
  existing: string[];
  /** Whether invitation mails went (or, in a dry run, would go) to the created accounts. */
  invited: boolean;
  lines: ImportLine[];
}

/** A line that stopped the import (400 `{error, lines}`); nothing was created. */
export interface ImportLineError {
  line: number;
  message: string;
}

export const invitationAcceptSchema = z.object({ token, password });
export const tokenCheckSchema = z.object({ token });
export const passwordResetRequestSchema = z.object({ email });
export const passwordResetConfirmSchema = z.object({ token, password });
export const passwordChangeSchema = z.object({ current: z.string().max(1024), password });

/** `POST /api/auth/invitation/check`, `/password-reset/check`: whose link it is. */
export interface TokenHolder {
  email: string;
  name: string;
}

/** One of one's own sessions (`GET /api/auth/sessions`). */
export interface SessionSummary {
  /** Names the session in `DELETE /api/auth/sessions/:id`; it cannot sign anyone in. */
  id: string;
  createdAt: string;
  expiresAt: string;
  /** The session of this very request. */
  current: boolean;
}
