import { display } from '../figures.js';
import { markdownTable, ratio } from '../report.js';
import { CLUSTER_FIGURES, type DeploymentValues } from './clusterFigures.js';
import { DEPLOYMENTS } from './deployments.js';

export type ClusterResults = Map<string, DeploymentValues>;

/** figure, target, each deployment, each against the file store, target met. */
export function clusterTable(results: ClusterResults): string {
  const [reference, ...others] = DEPLOYMENTS;
  if (!reference) throw new Error('no deployments');
  const header = [
    'figure',
    'target',
    ...DEPLOYMENTS.map((deployment) => deployment.label),
    ...others.map((deployment) => `${deployment.id} / ${reference.id}`),
    'met',
  ];
  const rows = CLUSTER_FIGURES.filter((figure) => results.has(figure.id)).map((figure) => {
    const values = results.get(figure.id) ?? {};
    const met = figure.met ? (figure.met(values) ? 'yes' : '**no**') : '';
    return [
      `${figure.label} (${figure.unit})`,
      figure.target ?? '',
      ...DEPLOYMENTS.map((deployment) => display(figure, values[deployment.id])),
      ...others.map((deployment) => ratio(values[deployment.id], values[reference.id])),
      met,
    ];
  });
  return markdownTable(header, rows);
}
