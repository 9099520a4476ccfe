/**
 * Server settings: every one has a documented default (README, "Configuration") and can be
 * set from the environment. Tests pass overrides directly.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trustProxyFromEnv, type TrustProxy } from './http/clientAddress.js';
import {
  DEFAULT_MAIL_FROM,
  localPublicUrl,
  mailFromFromEnv,
  publicUrlFromEnv,
  smtpUrlFromEnv,
} from './mail/mailSettings.js';
import { oidcProvidersFromEnv, type OidcProviderSettings } from './sso/oidcProvidersFile.js';

export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Where lowdb files, snapshots and update logs live (without a database). */
  dataDir: string;
  /**
   * `postgres://…`: keep everything in this PostgreSQL database instead of `dataDir`. The
   * schema is created and migrated at start.
   */
  databaseUrl: string | undefined;
  /**
   * `redis://…` (with `databaseUrl`): several server processes serve the same papers, and tell
   * each other of every stored update, presence and access change over this Redis.
   */
  redisUrl: string | undefined;
  /**
   * `smtp://host:port` or `smtps://user:password@host:465`: where mail goes. Without it every
   * mail is written as an `.eml` file into `dataDir/outbox/sent/` and its subject logged.
   */
  smtpUrl: string | undefined;
  /** The From of every mail: `Name <address>` or an address. */
  mailFrom: string;
  /**
   * Where people reach the server (no trailing slash): the base of every link in a mail.
   * Unset, `http://localhost:<port>`.
   */
  publicUrl: string;
  /**
   * The single sign-on providers (STANDPUNT_OIDC_PROVIDERS_FILE); none by default. Their
   * redirect URIs lie under `publicUrl`.
   */
  oidcProviders: OidcProviderSettings[];
  /** The built client, served at `/`; absent in API-only tests. */
  clientDir: string;
  /** First admin on an empty data dir; a password is generated when absent. */
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /**
   * Origins (scheme://host:port) allowed to open collaboration sockets and make state-changing
   * requests besides the app's own origin.
   */
  allowedOrigins: string[];
  /**
   * The reverse proxies whose X-Forwarded-For names the client: its address is then what the
   * sign-in throttle, the per-address socket limit and the audit trail count by.
   */
  trustProxy: TrustProxy;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  cookieSecure: boolean;
  /** How long a session stays valid without use. */
  sessionTtlMs: number;
  /** How often each process closes the sockets of sessions that expired meanwhile. */
  sessionCheckIntervalMs: number;
  /** Failed logins per email or address within the window before 429. */
  loginMaxFailures: number;
  loginWindowMs: number;
  /**
   * Requests for a password-reset link allowed per e-mail address and per client address in
   * the window; more get 429 (each mails someone, so fewer than sign-ins).
   */
  resetMaxRequests: number;
  resetWindowMs: number;
  /** Sign-ins refused by the throttle go into the audit trail as one line per this long. */
  throttledAuditBurstMs: number;
  /** Compact a paper's update log into its snapshot after this many updates... */
  compactAfterUpdates: number;
  /** ...or this long after its first uncompacted update. */
  compactIntervalMs: number;
  /**
   * Without a database: flush every batch of updates (and every other write) to disk before
   * it is relayed or answered, so it survives a power loss, not only a crash of the process.
   */
  fsync: boolean;
  /** Drop a silent client's presence after this long (y-protocols' own default is 30 s). */
  awarenessTimeoutMs: number;
  /** Largest collaboration message accepted; a larger one closes the socket with 4413. */
  maxMessageBytes: number;
  /**
   * Messages per second one collaboration socket may send on average (a token bucket refilled
   * at this rate)...
   */
  maxMessagesPerSecond: number;
  /** ...and in one burst (the bucket's size). Past that the socket is closed with 4429. */
  messageBurst: number;
  /** Open collaboration sockets per account; one more is closed with 4429 at connect. */
  maxConnectionsPerUser: number;
  /** Open collaboration sockets per client address (see trustProxy). 0: no limit. */
  maxConnectionsPerAddress: number;
  /** Presence entries (awareness client ids) one socket may speak for. */
  maxAwarenessClientsPerConnection: number;
  /** Largest presence state (JSON bytes) accepted; a larger entry is dropped. */
  maxAwarenessStateBytes: number;
  /** Time a client has to send a request's headers, websocket upgrades included (slowloris). */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request. */
  requestTimeoutMs: number;
  /** Collaboration sockets are pinged this often; one that missed the previous pong is dropped. */
  pingIntervalMs: number;
  /** Print what the server does (start, stop, refused sockets). */
  log: (message: string) => void;
}

const defaultClientDir = fileURLToPath(new URL('../../client/dist', import.meta.url));

export const DEFAULT_CONFIG: ServerConfig = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: path.resolve('data'),
  databaseUrl: undefined,
  redisUrl: undefined,
  smtpUrl: undefined,
  mailFrom: DEFAULT_MAIL_FROM,
  publicUrl: localPublicUrl(3000),
  oidcProviders: [],
  clientDir: defaultClientDir,
  adminEmail: undefined,
  adminPassword: undefined,
  allowedOrigins: [],
  trustProxy: null,
  cookieSecure: false,
  sessionTtlMs: 14 * 24 * 60 * 60 * 1000,
  sessionCheckIntervalMs: 60 * 1000,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60 * 1000,
  resetMaxRequests: 5,
  resetWindowMs: 60 * 60 * 1000,
  throttledAuditBurstMs: 60 * 1000,
  compactAfterUpdates: 500,
  compactIntervalMs: 30_000,
  fsync: true,
  awarenessTimeoutMs: 30_000,
  maxMessageBytes: 16 * 1024 * 1024,
  // A fast typist makes ~15 updates and as many presence changes a second; held keys and undo
  // bursts stay well below this.
  maxMessagesPerSecond: 100,
  messageBurst: 300,
  // Two sockets (content, threads) per open paper: 25 tabs.
  maxConnectionsPerUser: 50,
  // A municipality's office may sit behind one address.
  maxConnectionsPerAddress: 500,
  maxAwarenessClientsPerConnection: 8,
  maxAwarenessStateBytes: 8 * 1024,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  pingIntervalMs: 30_000,
  log: (message) => console.log(`[standpunt] ${message}`),
};

function intFromEnv(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

function onOffFromEnv(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${name} must be "on" or "off", got "${value}"`);
}

/** The limits on clients (see ServerConfig), each from its `STANDPUNT_…` variable. */
const LIMIT_VARIABLES = {
  maxMessageBytes: 'STANDPUNT_MAX_MESSAGE_BYTES',
  maxMessagesPerSecond: 'STANDPUNT_MAX_MESSAGES_PER_SECOND',
  messageBurst: 'STANDPUNT_MESSAGE_BURST',
  maxConnectionsPerUser: 'STANDPUNT_MAX_CONNECTIONS_PER_USER',
  maxConnectionsPerAddress: 'STANDPUNT_MAX_CONNECTIONS_PER_ADDRESS',
  maxAwarenessClientsPerConnection: 'STANDPUNT_MAX_AWARENESS_CLIENTS',
  maxAwarenessStateBytes: 'STANDPUNT_MAX_AWARENESS_STATE_BYTES',
  headersTimeoutMs: 'STANDPUNT_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'STANDPUNT_REQUEST_TIMEOUT_MS',
  pingIntervalMs: 'STANDPUNT_PING_INTERVAL_MS',
} as const satisfies Partial<Record<keyof ServerConfig, string>>;

function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  return Object.fromEntries(
    Object.entries(LIMIT_VARIABLES).map(([key, name]) => [key, intFromEnv(env[name], name)]),
  );
}

/** Reads the settings from environment variables, falling back to the defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const overrides: Partial<ServerConfig> = {
    port: intFromEnv(env.PORT, 'PORT'),
    host: env.HOST || undefined,
    dataDir: env.DATA_DIR ? path.resolve(env.DATA_DIR) : undefined,
    databaseUrl: env.STANDPUNT_DATABASE_URL || undefined,
    redisUrl: env.STANDPUNT_REDIS_URL || undefined,
    smtpUrl: smtpUrlFromEnv(env.STANDPUNT_SMTP_URL),
    mailFrom: mailFromFromEnv(env.STANDPUNT_MAIL_FROM),
    publicUrl: publicUrlFromEnv(env.STANDPUNT_PUBLIC_URL),
    oidcProviders: oidcProvidersFromEnv(env.STANDPUNT_OIDC_PROVIDERS_FILE),
    adminEmail: env.STANDPUNT_ADMIN_EMAIL || undefined,
    adminPassword: env.STANDPUNT_ADMIN_PASSWORD || undefined,
    allowedOrigins: env.STANDPUNT_ALLOWED_ORIGINS?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: trustProxyFromEnv(env.STANDPUNT_TRUST_PROXY),
    cookieSecure: env.STANDPUNT_COOKIE_SECURE === 'true' ? true : undefined,
    compactAfterUpdates: intFromEnv(
      env.STANDPUNT_COMPACT_AFTER_UPDATES,
      'STANDPUNT_COMPACT_AFTER_UPDATES',
    ),
    compactIntervalMs: intFromEnv(
      env.STANDPUNT_COMPACT_INTERVAL_MS,
      'STANDPUNT_COMPACT_INTERVAL_MS',
    ),
    fsync: onOffFromEnv(env.STANDPUNT_FSYNC, 'STANDPUNT_FSYNC'),
    loginMaxFailures: intFromEnv(env.STANDPUNT_LOGIN_MAX_FAILURES, 'STANDPUNT_LOGIN_MAX_FAILURES'),
    loginWindowMs: intFromEnv(env.STANDPUNT_LOGIN_WINDOW_MS, 'STANDPUNT_LOGIN_WINDOW_MS'),
    resetMaxRequests: intFromEnv(env.STANDPUNT_RESET_MAX_REQUESTS, 'STANDPUNT_RESET_MAX_REQUESTS'),
    resetWindowMs: intFromEnv(env.STANDPUNT_RESET_WINDOW_MS, 'STANDPUNT_RESET_WINDOW_MS'),
    ...limitsFromEnv(env),
  };
  return withDefaults(overrides);
}

/** Merges overrides over the defaults once; `undefined` means "use the default". */
export function withDefaults(overrides: Partial<ServerConfig>): ServerConfig {
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<ServerConfig>;
  const config = { ...DEFAULT_CONFIG, ...defined };
  // The default follows the port, whichever was given.
  config.publicUrl = defined.publicUrl ?? localPublicUrl(config.port);
  // The processes share their data through the database; Redis only carries their messages.
  if (config.redisUrl && !config.databaseUrl) {
    throw new Error('STANDPUNT_REDIS_URL needs STANDPUNT_DATABASE_URL as well');
  }
  // Node refuses a headers timeout longer than the request timeout.
  if (config.requestTimeoutMs > 0 && config.headersTimeoutMs > config.requestTimeoutMs) {
    throw new Error('the headers timeout must not be longer than the request timeout');
  }
  return config;
}
