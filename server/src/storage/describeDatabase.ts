/**
 * A database URL as it may be shown in logs and errors: host, port and database, never the
 * user's password (which a connection URL may carry).
 */
export function describeDatabase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'a database whose URL could not be read';
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default)';
  const host = parsed.hostname || 'localhost';
  return `PostgreSQL database "${database}" on ${host}:${parsed.port || '5432'}`;
}
