import type { Scenario } from '../scenarios/Scenario.js';
import { coldLoad, reconnectStorm } from '../scenarios/tracePaper.js';
import { oneTypist, openLoopTyping } from '../scenarios/typing.js';

export const DEPLOYMENT_IDS = ['file', 'pg', 'cluster'] as const;
export type DeploymentId = (typeof DEPLOYMENT_IDS)[number];

/** How our server is run for `pnpm bench:cluster`. */
export interface Deployment {
  id: DeploymentId;
  label: string;
  /** Server processes, all on the same storage. */
  processes: number;
  /** On a fresh PostgreSQL database (else on the file store, each process in a fresh dir). */
  database: boolean;
  /** The processes tell each other of stored updates over Redis. */
  redis: boolean;
  /** Scenario ids it runs. */
  scenarios: readonly string[];
}

export const DEPLOYMENTS: readonly Deployment[] = [
  {
    id: 'file',
    label: 'file store, 1 process',
    processes: 1,
    database: false,
    redis: false,
    scenarios: ['a', 'b', 'c', 'd'],
  },
  {
    id: 'pg',
    label: 'PostgreSQL, 1 process',
    processes: 1,
    database: true,
    redis: false,
    scenarios: ['a', 'b', 'c', 'd'],
  },
  {
    id: 'cluster',
    label: 'PostgreSQL + Redis, 2 processes',
    processes: 2,
    database: true,
    redis: true,
    // d restarts its one server; what it measures is the store, which `pg` shows.
    scenarios: ['a', 'b', 'c'],
  },
];

/** The scenarios `pnpm bench:cluster` runs, in order, from the ordinary bench. */
export const CLUSTER_SCENARIOS: readonly Scenario[] = [
  oneTypist,
  openLoopTyping,
  reconnectStorm,
  coldLoad,
];
