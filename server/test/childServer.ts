/**
 * The built server (`server/dist/main.js`) in a process of its own, for what an in-process
 * server cannot show: `kill -9`, exit statuses, the messages printed at start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADMIN, TEST_BACKEND, testDatabaseFor, type TestBackend } from './helpers.js';

export const MAIN_JS = fileURLToPath(new URL('../dist/main.js', import.meta.url));
export const BACKUP_JS = fileURLToPath(new URL('../dist/backup.js', import.meta.url));
export const RESTORE_JS = fileURLToPath(new URL('../dist/restore.js', import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
}

function assertBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\` first`);
}

/**
 * Starts the server on a free port, on {@link TEST_BACKEND} unless `backend` says otherwise
 * (on PostgreSQL, `dataDir` stands for the test's database); resolves once it listens, rejects
 * if it exits first.
 */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  { backend = TEST_BACKEND }: { backend?: TestBackend } = {},
): Promise<ChildServer> {
  assertBuilt(MAIN_JS);
  const database =
    backend === 'postgres' ? { STANDPUNT_DATABASE_URL: await testDatabaseFor(dataDir) } : {};
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...database,
      STANDPUNT_ADMIN_EMAIL: ADMIN.email,
      STANDPUNT_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

/** Runs the built server until it exits by itself (a refused start): its status and output. */
export function runServerToExit(
  dataDir: string,
  timeoutMs = 15_000,
): Promise<{ code: number | null; output: string }> {
  return runNode(MAIN_JS, [], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, timeoutMs);
}

/** Runs a built command (backup, restore) to its end. */
export function runNode(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  assertBuilt(script);
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    // A server that did start after all is stopped, and the test sees why it did not exit.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** `kill -9`, resolved once the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** SIGTERM (the server saves and exits 0); resolves with the exit status. */
export async function stopGracefully(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}
