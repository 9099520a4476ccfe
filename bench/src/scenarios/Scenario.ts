import { BenchClient, type BenchClientOptions } from '../BenchClient.js';
import type { ServerGroup } from '../ServerGroup.js';
import type { ServerHandle } from '../ServerHandle.js';
import type { ServerKind } from '../servers.js';

export interface ScenarioContext {
  server: ServerHandle;
  /**
   * The processes the clients of a, b and c connect to: `server` alone in `pnpm bench`; in
   * `pnpm bench:cluster` also two processes of ours on one PostgreSQL and one Redis, with the
   * clients spread over both.
   */
  clients: ServerGroup;
  quick: boolean;
  log(message: string): void;
  /**
   * Called where a scenario's setup (seeding a paper) ends and what it measures begins: the
   * cluster bench counts the servers' longest event-loop block from there.
   */
  startMeasuring?(): Promise<void>;
}

/** Where clients can be put: one server process, or a group of them. */
export type ClientTarget = Pick<ServerHandle, 'newDocs' | 'clientOptions'>;

/** Figures a scenario measured, by figure id; `null` where it does not apply to a server. */
export type FigureValues = Record<string, number | null>;

export interface Scenario {
  /** a–h, as in the issue. */
  id: string;
  title: string;
  /** Servers it runs against (default: all). */
  servers?: readonly ServerKind[];
  /**
   * Whether the server gets a core of its own, apart from the load generator (default: yes,
   * on machines with two or more cores).
   */
  separateCores?: boolean;
  run(context: ScenarioContext): Promise<FigureValues>;
}

/**
 * Opens `count` clients on `doc`, at most `batch` connecting at a time, and waits until all
 * are synced.
 */
export async function openClients(
  server: ClientTarget,
  doc: string,
  count: number,
  extra: (index: number) => Partial<BenchClientOptions> = () => ({}),
  batch = 100,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let start = 0; start < count; start += batch) {
    const opened: BenchClient[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      opened.push(new BenchClient({ ...server.clientOptions(doc, i), ...extra(i) }));
    }
    await Promise.all(opened.map((client) => client.synced));
    clients.push(...opened);
  }
  return clients;
}

export async function closeAll(clients: readonly BenchClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
}
