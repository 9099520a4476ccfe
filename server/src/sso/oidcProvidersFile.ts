/**
 * The single sign-on providers, read at start from the JSON file STANDPUNT_OIDC_PROVIDERS_FILE
 * names (README, "Single sign-on (OpenID Connect)"). Anything wrong with it stops the start
 * with a message naming the file, the provider and the field: a typo found at start is better
 * than a sign-in that fails for everyone later. No message repeats a client secret.
 */
import fs from 'node:fs';
import { isOrganisationCode } from '@standpunt/shared';
import { z } from 'zod';
import { hasControlCharacters } from './controlCharacters.js';

/** Where a provider's accounts get their organisation (a CBS code, or VNG). */
export type OrganisationSource =
  /** Every account of this provider belongs to this organisation. */
  | { code: string }
  /** The ID token's claim of this name holds the code. */
  | { claim: string };

export interface OidcProviderSettings {
  /** Part of the routes and the redirect URI: lower-case letters, digits and dashes. */
  id: string;
  /** Shown on the login page's button. */
  name: string;
  /** The provider's issuer identifier; its discovery document lies under it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  organisation: OrganisationSource;
  /** Lower case; the login page sends people with these addresses to this provider. */
  emailDomains: string[];
  /** The scopes asked for; always with `openid`. */
  scope: string;
}

const DEFAULT_SCOPE = 'openid email profile';

const PROVIDER_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasControlCharacters(value), 'must hold no control characters');

/**
 * An https:// URL without query or fragment; http:// only on this machine (a provider run for
 * a test or a demonstration), since over plain HTTP anyone on the way could read the tokens.
 */
const issuer = z.string().superRefine((value, context) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    context.addIssue({ code: 'custom', message: `must be a URL, got "${value}"` });
    return;
  }
  const local = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    context.addIssue({
      code: 'custom',
      message: `must be an https:// URL (http:// only for localhost), got "${value}"`,
    });
  }
  if (url.search || url.hash || url.username || url.password) {
    context.addIssue({ code: 'custom', message: 'must hold no query, fragment or login' });
  }
});

const providerSchema = z
  .strictObject({
    id: z
      .string()
      .regex(PROVIDER_ID, 'must be 1 to 40 lower-case letters, digits and dashes, as "amsterdam"'),
    name: text(100),
    issuer,
    clientId: text(500),
    // Never repeated in a message: only whether it is there.
    clientSecret: z.string().min(1, 'must not be empty'),
    organisation: z
      .string()
      .refine(isOrganisationCode, 'must be a CBS municipality code (as "GM0363") or "VNG"')
      .optional(),
    organisationClaim: text(100).optional(),
    emailDomains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(DOMAIN, 'must be a domain name, as "amsterdam.nl" (no "@")'),
      )
      .optional(),
    scope: text(500)
      .refine((value) => value.split(/\s+/).includes('openid'), 'must include "openid"')
      .optional(),
  })
  .superRefine((provider, context) => {
    if ((provider.organisation === undefined) === (provider.organisationClaim === undefined)) {
      context.addIssue({
        code: 'custom',
        message: 'needs exactly one of "organisation" (a fixed code) and "organisationClaim"',
      });
    }
  });

/** Reads the issue's place as `provider 2 ("amsterdam"): issuer`. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [index, field, ...rest] = issue.path;
  if (typeof index !== 'number') return issue.message;
  const entry = Array.isArray(input) ? (input[index] as unknown) : undefined;
  const id =
    entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string'
      ? ` ("${(entry as { id: string }).id}")`
      : '';
  const where = field === undefined ? '' : `: ${[field, ...rest].map(String).join('.')}`;
  // zod names unknown keys in its message, not in the path.
  return `provider ${index + 1}${id}${where} ${issue.message}`;
}

/** The providers described by `input` (the file's parsed JSON); throws naming `source`. */
export function parseOidcProviders(input: unknown, source: string): OidcProviderSettings[] {
  const fail = (reason: string): never => {
    throw new Error(`STANDPUNT_OIDC_PROVIDERS_FILE (${source}): ${reason}`);
  };
  const parsed = z.array(providerSchema, 'must be a JSON list of providers').safeParse(input);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => describeIssue(issue, input)).join('; '));
  }
  const providers = parsed.data!;
  const ids = new Set<string>();
  const domainOwner = new Map<string, string>();
  for (const provider of providers) {
    if (ids.has(provider.id)) fail(`provider id "${provider.id}" is given twice`);
    ids.add(provider.id);
    for (const domain of provider.emailDomains ?? []) {
      const owner = domainOwner.get(domain);
      // One address, one provider: otherwise the login page could not choose.
      if (owner !== undefined && owner !== provider.id) {
        fail(`e-mail domain "${domain}" belongs to both "${owner}" and "${provider.id}"`);
      }
      domainOwner.set(domain, provider.id);
    }
  }
  return providers.map((provider) => ({
    id: provider.id,
    name: provider.name,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    organisation:
      provider.organisation !== undefined
        ? { code: provider.organisation }
        : { claim: provider.organisationClaim! },
    emailDomains: [...new Set(provider.emailDomains ?? [])],
    scope: provider.scope ?? DEFAULT_SCOPE,
  }));
}

/** STANDPUNT_OIDC_PROVIDERS_FILE, read and checked; no providers when unset. */
export function oidcProvidersFromEnv(file: string | undefined): OidcProviderSettings[] {
  if (file === undefined || file === '') return [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`STANDPUNT_OIDC_PROVIDERS_FILE (${file}) cannot be read: ${code}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `STANDPUNT_OIDC_PROVIDERS_FILE (${file}) is not valid JSON${whereJsonBroke(text, error)}`,
    );
  }
  return parseOidcProviders(json, file);
}

/**
 * ` at line 3, column 18`, when the parser said where (it does not always). Never the
 * parser's own message: that may quote the text around the fault, a client secret included.
 */
function whereJsonBroke(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
