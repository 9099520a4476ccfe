/**
 * What a sign-in through a provider must remember between its start and its callback (state,
 * nonce, PKCE verifier): kept in the browser, in an httpOnly cookie sealed with AES-256-GCM.
 * Not in this process's memory: with several server processes the callback may reach another
 * one. The key is derived from the provider's client secret, which every process reads from
 * the same providers file, so no further secret has to be shared; the provider, which knows
 * that secret, could sign anyone in anyway.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const OIDC_FLOW_COOKIE = 'standpunt_oidc';

/** How long a person may take at their provider before the sign-in has to start over. */
export const OIDC_FLOW_TTL_MS = 10 * 60 * 1000;

export interface OidcFlow {
  /** The provider's id: a flow is only ever opened for the provider it was begun with. */
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The path in the app to go to afterwards. */
  returnTo: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const flowSchema = z.strictObject({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFor(provider: string, clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, 'standpunt-oidc-flow', provider, 32));
}

/** The cookie's value for `flow`. */
export function sealOidcFlow(flow: OidcFlow, clientSecret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(flow.provider, clientSecret), iv);
  // The provider is bound in as associated data: a flow sealed for one never opens for another.
  cipher.setAAD(Buffer.from(flow.provider));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/**
 * The flow a cookie holds for `provider`, or undefined when it is not one this server sealed
 * for that provider, or it has expired.
 */
export function openOidcFlow(
  value: string | undefined,
  provider: string,
  clientSecret: string,
  now = Date.now(),
): OidcFlow | undefined {
  if (!value) return undefined;
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  let text: string;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFor(provider, clientSecret),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(provider));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    text = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
  const parsed = flowSchema.safeParse(JSON.parse(text));
  if (!parsed.success || parsed.data.provider !== provider) return undefined;
  return parsed.data.expiresAt > now ? parsed.data : undefined;
}
