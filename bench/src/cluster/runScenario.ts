import { BLOCK_LIMIT_MS } from '../figures.js';
import type { LoopBlock } from '../loopBlocks.js';
import type { FigureValues, Scenario } from '../scenarios/Scenario.js';
import { blockFigureId, storageFigureId } from './clusterFigures.js';
import { countCpuUse } from './cpuUse.js';
import type { Deployment } from './deployments.js';
import type { BlockContent } from './blockProfile.js';
import { ServerProfiles } from './serverProfiles.js';
import type { Services } from './services.js';
import { startDeployment } from './startDeployment.js';

function describeBlock(block: BlockContent): string {
  return (
    `${block.ms.toFixed(1)} ms, of which storage ${block.storageMs.toFixed(1)} ms and off its core` +
    ` ${block.offCoreMs.toFixed(1)} ms (most self time, ms: ${block.top})`
  );
}

export interface RunOptions {
  services: Services;
  /** Where the server processes write their CPU profiles (BENCH_SERVER_PROFILE). */
  profileDir: string;
  quick: boolean;
  log(line: string): void;
}

/**
 * Runs one scenario on a fresh start of one deployment and adds what the servers went
 * through: the longest event-loop block of any of its processes and, from their CPU
 * profiles, the most storage work within one block.
 */
export async function runScenario(
  scenario: Scenario,
  deployment: Deployment,
  { services, profileDir, quick, log }: RunOptions,
): Promise<FigureValues> {
  const profiles = new ServerProfiles(profileDir);
  const running = await startDeployment(
    deployment,
    services,
    `standpunt_bench_${deployment.id}_${scenario.id}_${process.pid}`,
  );
  let values: FigureValues;
  const recorded = new Map<number, LoopBlock[]>();
  try {
    if (scenario.separateCores !== false) running.separateCores();
    let cpuUse = () => '';
    // From here, and again where the scenario says its setup ends: what start-up and
    // seeding blocked is not what the scenario measures.
    const startMeasuring = async () => {
      await running.loopBlocks();
      cpuUse = countCpuUse(running.watched);
    };
    await startMeasuring();
    values = await scenario.run({
      server: running.group.first,
      clients: running.group,
      quick,
      log,
      startMeasuring,
    });
    const blocks = await running.loopBlocks();
    log(`  ${cpuUse()}`);
    log(
      `  longest event-loop block ${blocks.map((each) => each.longestMs.toFixed(1)).join(' / ')} ms`,
    );
    values[blockFigureId(scenario.id)] = Math.max(...blocks.map((each) => each.longestMs));
    for (const { pid, recorded: times } of blocks) recorded.set(pid, times);
  } finally {
    await running.stop();
  }
  const found = profiles.collect(recorded, `${deployment.id}-${scenario.id}`);
  log(`  profile: ${found.count} blocks of ${BLOCK_LIMIT_MS} ms or more`);
  if (found.longest) log(`  profile: longest ${describeBlock(found.longest)}`);
  if (found.mostStorage) log(`  profile: most storage work in ${describeBlock(found.mostStorage)}`);
  values[storageFigureId(scenario.id)] = found.mostStorage?.storageMs ?? 0;
  return values;
}
