/**
 * `pnpm bench:cluster [-- --only a,b] [--deployments file,cluster] [--quick]`, from the
 * repository root, which starts a PostgreSQL and a Redis first: scenarios a–d of the ordinary
 * bench against our server on the file store, on PostgreSQL, and as two processes on one
 * PostgreSQL and one Redis with the clients spread over both; prints one table and (for a full
 * run) writes it to RESULTS.md.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../args.js';
import { machineLine, runLine, writeResultsBlock } from '../resultsFile.js';
import { clusterTable, type ClusterResults } from './clusterTable.js';
import { CLUSTER_SCENARIOS, DEPLOYMENT_IDS, DEPLOYMENTS } from './deployments.js';
import { describeServices, servicesFromEnv } from './services.js';
import { runScenario } from './runScenario.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
}

/** How the processes were placed on the cores. */
function coresLine(): string {
  const cores = process.env.BENCH_SHARED_CORES
    ? 'Every process could use every core (`BENCH_SHARED_CORES`).'
    : 'In a–c the server processes run on the last core and the generator on the others (the two' +
      ' processes of the cluster share that core); PostgreSQL and Redis are not pinned; in d' +
      ' everything shares all cores.';
  return `${cores} The servers ran with \`--cpu-prof\`, which the storage rows come from.`;
}

/**
 * The servers are always profiled: the loop's monitor says how long a block was, only the
 * profile says whether the database made it (the target) or garbage collection, a storm's
 * handshakes or applying a loaded paper did. Into a temporary directory, removed at the end,
 * unless BENCH_SERVER_PROFILE names one to keep them in.
 */
function profileServers(): { dir: string; remove(): void } {
  const kept = process.env.BENCH_SERVER_PROFILE;
  const dir = kept || fs.mkdtempSync(path.join(os.tmpdir(), 'standpunt-bench-profiles-'));
  // Read by ServerHandle (the servers' --cpu-prof-dir) and by the server processes.
  process.env.BENCH_SERVER_PROFILE = dir;
  return { dir, remove: () => kept || fs.rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), 'deployments', DEPLOYMENT_IDS.join(','));
  const { only, quick } = args;
  const deployments = args.subjects;
  const services = servicesFromEnv();
  const servicesLine = describeServices(services);
  const loadBefore = loadAverage();
  console.log(`${servicesLine}; load average ${loadBefore}`);
  const results: ClusterResults = new Map();
  const started = Date.now();
  const profiles = profileServers();
  try {
    // Scenario by scenario, each on every deployment in turn: what the machine does meanwhile
    // then touches the deployments compared in one row alike.
    for (const scenario of CLUSTER_SCENARIOS.filter((each) => !only || only.has(each.id))) {
      const chosen = DEPLOYMENTS.filter(
        (each) =>
          each.scenarios.includes(scenario.id) && (!deployments || deployments.has(each.id)),
      );
      for (const deployment of chosen) {
        console.log(`${scenario.id}. ${scenario.title} — ${deployment.label}`);
        const began = Date.now();
        try {
          const values = await runScenario(scenario, deployment, {
            services,
            profileDir: profiles.dir,
            quick,
            log: (line) => console.log(line),
          });
          for (const [figure, value] of Object.entries(values)) {
            results.set(figure, { ...results.get(figure), [deployment.id]: value });
          }
        } catch (error) {
          console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        console.log(`  (${((Date.now() - began) / 1000).toFixed(0)} s)`);
      }
    }
  } finally {
    profiles.remove();
  }
  const table = clusterTable(results);
  const loadAfter = loadAverage();
  console.log(`\n${table}\n`);
  const minutes = (Date.now() - started) / 60_000;
  console.log(
    `${quick ? 'quick run' : 'run'} took ${minutes.toFixed(1)} min; load average ${loadAfter}`,
  );
  if (!only && !deployments && !quick) {
    const commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim();
    writeResultsBlock('cluster', 'Two processes on PostgreSQL and Redis', [
      runLine({ commit, minutes }),
      '',
      `${machineLine()} ${servicesLine}, on loopback on the same machine. Load average (1, 5, 15 min)` +
        ` ${loadBefore} at the start, ${loadAfter} at the end.`,
      coresLine(),
      '',
      table,
    ]);
    console.log('wrote bench/RESULTS.md');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
