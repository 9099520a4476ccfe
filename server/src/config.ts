/**
 * Server settings: every one has a documented default (README, "Configuration") and can be
 * set from the environment. Tests pass overrides directly.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Where lowdb files, snapshots and update logs live. */
  dataDir: string;
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
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  cookieSecure: boolean;
  /** How long a session stays valid without use. */
  sessionTtlMs: number;
  /** Failed logins per email or address within the window before 429. */
  loginMaxFailures: number;
  loginWindowMs: number;
  /** Compact a paper's update log into its snapshot after this many updates... */
  compactAfterUpdates: number;
  /** ...or this long after its first uncompacted update. */
  compactIntervalMs: number;
  /** Drop a silent client's presence after this long (y-protocols' own default is 30 s). */
  awarenessTimeoutMs: number;
  /** Print what the server does (start, stop, refused sockets). */
  log: (message: string) => void;
}

const defaultClientDir = fileURLToPath(new URL('../../client/dist', import.meta.url));

export const DEFAULT_CONFIG: ServerConfig = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: path.resolve('data'),
  clientDir: defaultClientDir,
  adminEmail: undefined,
  adminPassword: undefined,
  allowedOrigins: [],
  cookieSecure: false,
  sessionTtlMs: 14 * 24 * 60 * 60 * 1000,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60 * 1000,
  compactAfterUpdates: 500,
  compactIntervalMs: 30_000,
  awarenessTimeoutMs: 30_000,
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

/** Reads the settings from environment variables, falling back to the defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const overrides: Partial<ServerConfig> = {
    port: intFromEnv(env.PORT, 'PORT'),
    host: env.HOST || undefined,
    dataDir: env.DATA_DIR ? path.resolve(env.DATA_DIR) : undefined,
    adminEmail: env.STANDPUNT_ADMIN_EMAIL || undefined,
    adminPassword: env.STANDPUNT_ADMIN_PASSWORD || undefined,
    allowedOrigins: env.STANDPUNT_ALLOWED_ORIGINS?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    cookieSecure: env.STANDPUNT_COOKIE_SECURE === 'true' ? true : undefined,
    compactAfterUpdates: intFromEnv(
      env.STANDPUNT_COMPACT_AFTER_UPDATES,
      'STANDPUNT_COMPACT_AFTER_UPDATES',
    ),
    compactIntervalMs: intFromEnv(
      env.STANDPUNT_COMPACT_INTERVAL_MS,
      'STANDPUNT_COMPACT_INTERVAL_MS',
    ),
    loginMaxFailures: intFromEnv(env.STANDPUNT_LOGIN_MAX_FAILURES, 'STANDPUNT_LOGIN_MAX_FAILURES'),
  };
  return withDefaults(overrides);
}

/** Merges overrides over the defaults once; `undefined` means "use the default". */
export function withDefaults(overrides: Partial<ServerConfig>): ServerConfig {
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<ServerConfig>;
  return { ...DEFAULT_CONFIG, ...defined };
}
