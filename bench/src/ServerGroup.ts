import type { BenchClientOptions } from './BenchClient.js';
import type { ServerHandle } from './ServerHandle.js';

/**
 * Processes of one server that share their storage — ours on one PostgreSQL and one Redis —
 * seen by the clients as one server: the `index`th client connects to process `index mod n`,
 * so consecutive clients alternate. A single server is a group of one.
 */
export class ServerGroup {
  constructor(readonly processes: readonly [ServerHandle, ...ServerHandle[]]) {}

  get first(): ServerHandle {
    return this.processes[0];
  }

  get last(): ServerHandle {
    return this.processes[this.processes.length - 1] ?? this.first;
  }

  /** New documents, made through the first process (the others read them from storage). */
  newDocs(count: number, title?: string): Promise<string[]> {
    return this.first.newDocs(count, title);
  }

  clientOptions(doc: string, index = 0): Pick<BenchClientOptions, 'url' | 'framing' | 'headers'> {
    const count = this.processes.length;
    const process = this.processes[index % count] ?? this.first;
    // The clients of one process take its sessions in turn, as they do on a server alone.
    return process.clientOptions(doc, Math.floor(index / count));
  }
}
