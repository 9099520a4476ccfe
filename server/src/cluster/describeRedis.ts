/** A Redis URL as it may be shown in logs and errors: host and port, never a password. */
export function describeRedis(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'a Redis whose URL could not be read';
  }
  return `${parsed.hostname || 'localhost'}:${parsed.port || '6379'}`;
}
