/**
 * The built Standpunt server in a child process, as it runs in production, measured from the
 * outside through /proc (no endpoint of its own is needed for that).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUR_NODE_FLAGS } from '../ourNodeFlags.js';

export const LOAD_ADMIN = { email: 'admin@load.test', password: 'load-beheerder-wachtwoord' };
const MAIN_JS = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));

export interface MemorySample {
  atSeconds: number;
  rssMb: number;
  /** CPU time used so far (user + system), seconds. */
  cpuSeconds: number;
}

export class LoadServer {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    private readonly output: () => string,
  ) {}

  static async start(dataDir: string): Promise<LoadServer> {
    const child = spawn(process.execPath, [...OUR_NODE_FLAGS, MAIN_JS], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STANDPUNT_ADMIN_EMAIL: LOAD_ADMIN.email,
        STANDPUNT_ADMIN_PASSWORD: LOAD_ADMIN.password,
        // Every simulated person connects from 127.0.0.1: the per-address cap is for the Internet.
        STANDPUNT_MAX_CONNECTIONS_PER_ADDRESS: '0',
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
    return new LoadServer(child, url, () => output);
  }

  /** Lines the server printed that report a refused or failed client. */
  problems(): string[] {
    return this.output()
      .split('\n')
      .filter((line) => /refused|closing|error|could not/i.test(line));
  }

  sample(atSeconds: number): MemorySample {
    const pid = this.child.pid ?? 0;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): utime, stime.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { atSeconds, rssMb: rssKb / 1024, cpuSeconds: ticks / 100 };
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    return exited;
  }
}
