/**
 * The built Standpunt server as a child process, as an operator runs it: `node
 * server/dist/main.js` on a free port (`PORT=0`) with its own data dir. It can be stopped and
 * started again on the same data, which is how the tests check that nothing lives only in memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serverMain = path.join(repoRoot, 'server', 'dist', 'main.js');
const clientIndex = path.join(repoRoot, 'client', 'dist', 'index.html');

/** The first admin, created by the server on an empty data dir. */
export const ADMIN = {
  email: 'admin@standpunt.test',
  password: 'beheerder-wachtwoord-voor-e2e-tests',
} as const;

const LISTENING = /listening on (http:\/\/localhost:\d+)/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export class StandpuntServer {
  /** `http://localhost:<port>` of the running process; changes on every start. */
  baseURL = '';
  private child: ChildProcess | undefined;
  private output: string[] = [];

  private constructor(readonly dataDir: string) {}

  /** Starts a server on a fresh, empty data dir. */
  static async start(): Promise<StandpuntServer> {
    for (const built of [serverMain, clientIndex]) {
      if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm build\` first.`);
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), 'standpunt-e2e-'));
    const server = new StandpuntServer(dataDir);
    await server.spawn();
    return server;
  }

  /** Everything the server printed, across restarts (attached to failing tests). */
  get log(): string {
    return this.output.join('');
  }

  /** The server's own origin, which state-changing requests must send as `Origin`. */
  get origin(): string {
    return new URL(this.baseURL).origin;
  }

  /** Stops the server gracefully and starts it again on the same data dir (on a new port). */
  async restart(): Promise<void> {
    await this.stop();
    await this.spawn();
  }

  /** SIGTERM, then waits for the process to exit (SIGKILL if it does not within 10 s). */
  async stop(): Promise<void> {
    await this.terminate('SIGTERM');
  }

  /** SIGKILL: the process ends as in a crash, without a chance to flush anything. */
  async kill(): Promise<void> {
    await this.terminate('SIGKILL');
  }

  /** Stops the server and removes its data dir. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async spawn(): Promise<void> {
    this.output.push(`--- starting ${serverMain} with DATA_DIR=${this.dataDir}\n`);
    const child = spawn(process.execPath, [serverMain], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        DATA_DIR: this.dataDir,
        STANDPUNT_ADMIN_EMAIL: ADMIN.email,
        STANDPUNT_ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');

    this.baseURL = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const fail = (reason: string) => {
        clearTimeout(timer);
        reject(new Error(`The server did not start: ${reason}\n${this.log}`));
      };
      const timer = setTimeout(
        () => fail(`no "listening on" line within ${START_TIMEOUT_MS} ms`),
        START_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk: string) => {
        this.output.push(chunk);
        stdout += chunk;
        const match = LISTENING.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: string) => this.output.push(chunk));
      child.once('error', (error) => fail(error.message));
      child.once('exit', (code, signal) => fail(`it exited with ${signal ?? `code ${code}`}`));
    });
  }

  private async terminate(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    this.output.push(`--- stopped with ${signal}\n`);
  }
}
