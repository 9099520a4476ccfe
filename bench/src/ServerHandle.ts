import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type BenchClientOptions } from './BenchClient.js';
import { hocuspocusFraming, plainFraming } from './framing.js';
import type { LoopBlock } from './loopBlocks.js';
import { OUR_NODE_FLAGS } from './ourNodeFlags.js';
import type { ServerKind } from './servers.js';

const ADMIN = { email: 'admin@bench.test', password: 'bench-beheerder-wachtwoord' };
/** How many sessions the clients of our server share (each signed in once). */
const SESSIONS = 4;

export type ServerRequest =
  { op: 'measure'; id: number; gc: boolean; resetLoop: boolean } | { op: 'stop'; id: number };

export interface Measurement {
  /** Resident set size, bytes. */
  rss: number;
  /** V8 heap in use plus memory outside it (buffers), bytes. */
  heap: number;
  /** Bytes the process caused to be written to storage so far. */
  bytesWritten: number;
  /** CPU time used so far. */
  cpuMs: number;
  /** The longest the event loop was blocked since the last reset. */
  maxLoopBlockMs: number;
  /**
   * With BENCH_SERVER_PROFILE, when it was blocked for BLOCK_LIMIT_MS or more since the last
   * reset (given only by a measurement that resets); else empty.
   */
  loopBlocks: LoopBlock[];
  stats: { loadedPapers: number; connections: number; loads: number } | null;
}

export type ServerReply = Measurement & { id: number };

/** Where ours keeps its data when not in `dataDir`, and whom it shares it with. */
export interface ServerStorage {
  /** PostgreSQL instead of files (the server's STANDPUNT_DATABASE_URL). */
  databaseUrl?: string;
  /** Other processes on the same database, told of each stored update (STANDPUNT_REDIS_URL). */
  redisUrl?: string;
}

/** A server under test running in its own process, and how clients reach its documents. */
export class ServerHandle {
  readonly url: string;
  #cookies: string[] = [];
  #nextId = 1;
  #measuredAtStop: Measurement | null = null;
  readonly #pending = new Map<number, (reply: ServerReply) => void>();

  private constructor(
    readonly kind: ServerKind,
    readonly dataDir: string,
    readonly clientDir: string,
    readonly port: number,
    readonly storage: ServerStorage,
    private readonly child: ChildProcess,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    child.on('message', (reply: ServerReply) => {
      this.#pending.get(reply.id)?.(reply);
      this.#pending.delete(reply.id);
    });
  }

  static async start(
    kind: ServerKind,
    dataDir: string,
    clientDir = '',
    storage: ServerStorage = {},
  ): Promise<ServerHandle> {
    const script = fileURLToPath(new URL('./serverProcess.js', import.meta.url));
    const child = fork(script, [kind, dataDir, clientDir], {
      // Set either way, so that a database URL in the caller's shell never moves `pnpm bench`
      // off the file store unasked.
      env: {
        ...process.env,
        STANDPUNT_DATABASE_URL: storage.databaseUrl ?? '',
        STANDPUNT_REDIS_URL: storage.redisUrl ?? '',
      },
      execArgv: [
        '--expose-gc',
        // Ours runs with the flags its start script gives it; the references with Node's defaults.
        ...(kind === 'ours' ? OUR_NODE_FLAGS : []),
        // BENCH_SERVER_PROFILE=<dir>: a .cpuprofile of each server process, written on exit.
        ...(process.env.BENCH_SERVER_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
          : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.once('exit', (code) => reject(new Error(`${kind} exited with ${code} on start`)));
    });
    const handle = new ServerHandle(kind, dataDir, clientDir, port, storage, child);
    if (kind === 'ours') await handle.#signIn();
    return handle;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** New, empty documents: papers created through the API for ours, fresh names otherwise. */
  async newDocs(count: number, title = 'Benchmark'): Promise<string[]> {
    if (this.kind !== 'ours') return Array.from({ length: count }, () => randomUUID());
    const ids: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        const response = await this.api('POST', '/api/papers', { title, theme: 'Benchmark' });
        ids.push((response as { id: string }).id);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return ids;
  }

  /** How the `index`th client reaches a document (each of ours shows a session cookie). */
  clientOptions(doc: string, index = 0): Pick<BenchClientOptions, 'url' | 'framing' | 'headers'> {
    const ws = this.url.replace(/^http/, 'ws');
    switch (this.kind) {
      case 'ours':
        return {
          url: `${ws}/collab/${doc}`,
          framing: plainFraming,
          headers: { Cookie: this.#cookies[index % this.#cookies.length] ?? '', Origin: this.url },
        };
      case 'y-websocket':
        return { url: `${ws}/${doc}`, framing: plainFraming };
      case 'hocuspocus':
        return { url: ws, framing: hocuspocusFraming(doc) };
    }
  }

  /** A session cookie of ours (for the browser). */
  get cookie(): string {
    return this.#cookies[0] ?? '';
  }

  async measure(options: { gc?: boolean; resetLoop?: boolean } = {}): Promise<Measurement> {
    const id = this.#nextId++;
    const reply = new Promise<ServerReply>((resolve) => this.#pending.set(id, resolve));
    this.child.send({
      op: 'measure',
      id,
      gc: options.gc ?? false,
      resetLoop: options.resetLoop ?? false,
    } satisfies ServerRequest);
    return reply;
  }

  /**
   * What the process measured just before it was stopped (null while it runs): for the
   * longest event-loop block of a scenario that stops the server itself, as d does.
   */
  get measuredAtStop(): Measurement | null {
    return this.#measuredAtStop;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.#measuredAtStop = await this.#measureWithin(5_000);
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ op: 'stop', id: this.#nextId++ } satisfies ServerRequest);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  /** A measurement, or null when a hung or dying process does not answer in time. */
  async #measureWithin(ms: number): Promise<Measurement | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
    try {
      // Resetting, the only measurement that hands over the recorded blocks.
      return await Promise.race([this.measure({ resetLoop: true }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops this process and starts a new one of the same server on the same storage. */
  async restart(): Promise<ServerHandle> {
    await this.stop();
    return ServerHandle.start(this.kind, this.dataDir, this.clientDir, this.storage);
  }

  async api(method: string, path: string, body?: unknown, cookie = this.cookie): Promise<unknown> {
    const response = await fetch(this.url + path, {
      method,
      headers: { Origin: this.url, Cookie: cookie, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json();
  }

  async #signIn(): Promise<void> {
    for (let i = 0; i < SESSIONS; i++) {
      const response = await fetch(`${this.url}/api/auth/login`, {
        method: 'POST',
        headers: { Origin: this.url, 'Content-Type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status}`);
      this.#cookies.push(cookie);
    }
  }
}
