import { BLOCK_LIMIT_MS, FIGURES, type Figure } from '../figures.js';
import type { DeploymentId } from './deployments.js';

export type DeploymentValues = Partial<Record<DeploymentId, number | null>>;

/** A row of the `pnpm bench:cluster` table, with the target over the deployments. */
export interface ClusterFigure extends Pick<Figure, 'id' | 'label' | 'unit'> {
  target?: string;
  met?(values: DeploymentValues): boolean;
}

/** One of the ordinary bench's figures, with a target of this bench's own. */
function scenarioFigure(
  id: string,
  target?: string,
  met?: (values: DeploymentValues) => boolean,
): ClusterFigure {
  const figure = FIGURES.find((each) => each.id === id);
  if (!figure) throw new Error(`no figure ${id}`);
  return { id, label: figure.label, unit: figure.unit, target, met };
}

/** Whether `subject`'s value is at most `factor` times `reference`'s. */
const withinFactor =
  (subject: DeploymentId, factor: number, reference: DeploymentId) =>
  (values: DeploymentValues): boolean => {
    const value = values[subject];
    const base = values[reference];
    return value != null && base != null && value <= factor * base;
  };

/** Whether the deployments on PostgreSQL (those measured) stay within `limit`. */
const onDatabaseAtMost =
  (limit: number) =>
  (values: DeploymentValues): boolean => {
    const onDatabase = [values.pg, values.cluster].filter((value) => value != null);
    return onDatabase.length > 0 && onDatabase.every((value) => value <= limit);
  };

/**
 * The longest event-loop block in any server process during a scenario. It counts every cause
 * (garbage collection, a storm's handshakes, applying a loaded paper), so it has no target of
 * its own: the target is on blocks from database work, which the storage row tells apart.
 */
function blockFigure(scenario: string, during: string): ClusterFigure {
  return {
    id: blockFigureId(scenario),
    label: `${scenario}. longest event-loop block in the servers, ${during}, any cause`,
    unit: 'ms',
  };
}

export function blockFigureId(scenario: string): string {
  return `${scenario}.block`;
}

/**
 * From the servers' CPU profiles: of the event-loop blocks of BLOCK_LIMIT_MS or more, the most
 * time one of them spent in the database and Redis clients and our stores. Above the limit,
 * storage work alone blocked the loop too long; 0 when no block reached the limit.
 */
function storageFigure(scenario: string): ClusterFigure {
  return {
    id: storageFigureId(scenario),
    label: `${scenario}. storage work within one block of ${BLOCK_LIMIT_MS} ms or more, most (profile)`,
    unit: 'ms',
    target: `≤ ${BLOCK_LIMIT_MS} ms on PostgreSQL`,
    met: onDatabaseAtMost(BLOCK_LIMIT_MS),
  };
}

export function storageFigureId(scenario: string): string {
  return `${scenario}.storage`;
}

export const CLUSTER_FIGURES: readonly ClusterFigure[] = [
  scenarioFigure('a.p50'),
  scenarioFigure('a.p99', '2 processes ≤ 2 × file store', withinFactor('cluster', 2, 'file')),
  blockFigure('a', 'one typist'),
  storageFigure('a'),
  scenarioFigure('b.50.p50'),
  scenarioFigure('b.50.p99'),
  scenarioFigure('b.50.max'),
  scenarioFigure('b.100.p50'),
  scenarioFigure('b.100.p99'),
  scenarioFigure('b.100.max'),
  blockFigure('b', 'open loop'),
  storageFigure('b'),
  scenarioFigure('c.100'),
  scenarioFigure(
    'c.500',
    '2 processes ≤ 1,000 ms',
    (values) => (values.cluster ?? Infinity) <= 1000,
  ),
  blockFigure('c', 'storms'),
  storageFigure('c'),
  scenarioFigure('d.warm', 'PostgreSQL ≤ 1.5 × file store', withinFactor('pg', 1.5, 'file')),
  scenarioFigure('d.fresh', 'PostgreSQL ≤ 1.5 × file store', withinFactor('pg', 1.5, 'file')),
  blockFigure('d', 'warm loads'),
  storageFigure('d'),
];
