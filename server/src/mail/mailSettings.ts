/**
 * The mail settings as read from the environment (STANDPUNT_SMTP_URL, STANDPUNT_MAIL_FROM,
 * STANDPUNT_PUBLIC_URL), each checked at start so that a typo stops the server with a reason
 * rather than losing mail later. No message ever repeats the SMTP URL's password.
 */
import addressparser from 'nodemailer/lib/addressparser';

export const DEFAULT_MAIL_FROM = 'Standpunt <standpunt@localhost>';

/** A bare address: something, one @, something; no spaces or angle brackets. */
const BARE_ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

export interface Mailbox {
  /** The display name, possibly empty. */
  name: string;
  /** The bare address: the SMTP envelope's and the Message-ID's domain come from it. */
  address: string;
}

/** `Name <address>` or `address`, exactly one mailbox; throws naming `what` otherwise. */
export function parseMailbox(value: string, what: string): Mailbox {
  const parsed = /[\r\n]/.test(value) ? [] : addressparser(value);
  const [mailbox] = parsed;
  if (parsed.length !== 1 || !mailbox?.address || !BARE_ADDRESS.test(mailbox.address)) {
    throw new Error(
      `${what} must be one address, as "Name <name@example.nl>" or "name@example.nl", ` +
        `got "${value}"`,
    );
  }
  return { name: mailbox.name, address: mailbox.address };
}

/** Whether `value` is one bare address (a recipient, as the accounts hold them). */
export function isBareAddress(value: string): boolean {
  return BARE_ADDRESS.test(value);
}

/** STANDPUNT_SMTP_URL, checked; undefined when unset (mail is then written as `.eml` files). */
export function smtpUrlFromEnv(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const shape = 'must be smtp://host:port or smtps://user:password@host:465';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not repeated: what could not be read as a URL may still hold the password.
    throw new Error(`STANDPUNT_SMTP_URL ${shape}; what it holds is not a URL`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`STANDPUNT_SMTP_URL ${shape}, got one starting with "${url.protocol}"`);
  }
  if (!url.hostname) throw new Error(`STANDPUNT_SMTP_URL ${shape}; it names no host`);
  return value;
}

/** An SMTP URL as it may be shown in logs and errors: scheme, host and port, never the login. */
export function describeSmtp(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
    return `${parsed.protocol}//${parsed.hostname}:${port}`;
  } catch {
    return 'an SMTP server whose URL could not be read';
  }
}

/** STANDPUNT_MAIL_FROM, checked; undefined when unset (the default applies). */
export function mailFromFromEnv(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  parseMailbox(value, 'STANDPUNT_MAIL_FROM');
  return value;
}

/** The public URL of a server nobody configured one for: this machine, on its port. */
export function localPublicUrl(port: number): string {
  return `http://localhost:${port}`;
}

/**
 * STANDPUNT_PUBLIC_URL, checked and without a trailing slash (`https://standpunt.vng.nl`, or
 * with a path under which a proxy serves the app); undefined when unset.
 */
export function publicUrlFromEnv(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const shape = `STANDPUNT_PUBLIC_URL must be an http:// or https:// address, as https://standpunt.example.nl`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${shape}, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${shape}, got "${value}"`);
  // A query, fragment or login in every link of every mail is a mistake, never an intent.
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${shape} without a query, fragment or login, got "${url.origin}…"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A link for a mail: `path` (beginning with `/`) under the public URL. */
export function publicLink(publicUrl: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`A link path begins with "/", got "${path}"`);
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
