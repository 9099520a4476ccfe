import { spawnSync } from 'node:child_process';

/** Runs one statement with psql against the server at `url`. */
export function psql(url: string, statement: string): string {
  const result = spawnSync(
    'psql',
    ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', statement],
    { encoding: 'utf8' },
  );
  if (result.error) throw new Error(`psql could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`psql: ${statement}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/**
 * An empty database of its own on the PostgreSQL at `serverUrl`, so that no configuration
 * or scenario meets rows, sessions or table bloat another left behind. The server under test
 * creates its schema in it at start.
 */
export class FreshDatabase {
  private constructor(
    private readonly serverUrl: string,
    readonly name: string,
    readonly url: string,
  ) {}

  static create(serverUrl: string, name: string): FreshDatabase {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    psql(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return new FreshDatabase(serverUrl, name, url.toString());
  }

  /** After the server processes stopped; `force` ends a connection one of them left behind. */
  drop(): void {
    psql(this.serverUrl, `drop database if exists ${this.name} with (force)`);
  }
}

/** "PostgreSQL 15.18, fsync on, synchronous_commit on". */
export function describePostgres(serverUrl: string): string {
  const version = psql(serverUrl, 'show server_version').split(' ')[0];
  const fsync = psql(serverUrl, 'show fsync');
  const synchronousCommit = psql(serverUrl, 'show synchronous_commit');
  return `PostgreSQL ${version}, fsync ${fsync}, synchronous_commit ${synchronousCommit}`;
}
