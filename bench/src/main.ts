/**
 * `pnpm bench [-- --only a,b] [--quick]`: runs the scenarios of issue 7 against our server and
 * the reference servers, prints one table, and (for a full run) writes RESULTS.md.
 */
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './args.js';
import { resultsTable, type Results } from './report.js';
import { writeResultsFile } from './resultsFile.js';
import { browserEditing } from './scenarios/browser.js';
import { idlePapers, idlePresence, persistence } from './scenarios/load.js';
import type { Scenario } from './scenarios/Scenario.js';
import { coldLoad, reconnectStorm } from './scenarios/tracePaper.js';
import { oneTypist, openLoopTyping } from './scenarios/typing.js';
import { separateCores } from './cpuAffinity.js';
import { ServerGroup } from './ServerGroup.js';
import { ServerHandle } from './ServerHandle.js';
import { SERVER_KINDS, SERVER_LABELS } from './servers.js';

const SCENARIOS: Scenario[] = [
  oneTypist,
  openLoopTyping,
  reconnectStorm,
  coldLoad,
  idlePapers,
  persistence,
  idlePresence,
  browserEditing,
];

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const clientDir = path.join(repoRoot, 'client', 'dist');

function ensureClientBuilt(): void {
  if (fs.existsSync(path.join(clientDir, 'index.html'))) return;
  console.log('building the client for scenario h …');
  const built = spawnSync('pnpm', ['--filter', '@standpunt/client', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the client build failed');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), 'servers', 'ours');
  const { only, quick } = args;
  const servers = args.subjects;
  const selected = SCENARIOS.filter((scenario) => !only || only.has(scenario.id));
  if (selected.some((scenario) => scenario.id === 'h')) ensureClientBuilt();
  const results: Results = new Map();
  const started = Date.now();
  for (const scenario of selected) {
    for (const kind of (scenario.servers ?? SERVER_KINDS).filter(
      (k) => !servers || servers.has(k),
    )) {
      console.log(`${scenario.id}. ${scenario.title} — ${SERVER_LABELS[kind]}`);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `standpunt-bench-${kind}-`));
      const server = await ServerHandle.start(kind, dataDir, clientDir);
      const shareCores = scenario.separateCores === false ? null : separateCores(server.pid);
      const began = Date.now();
      try {
        const values = await scenario.run({
          server,
          clients: new ServerGroup([server]),
          quick,
          log: (line) => console.log(line),
        });
        for (const [figure, value] of Object.entries(values)) {
          results.set(figure, { ...results.get(figure), [kind]: value });
        }
      } catch (error) {
        console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        shareCores?.();
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      console.log(`  (${((Date.now() - began) / 1000).toFixed(0)} s)`);
    }
  }
  const table = resultsTable(results);
  console.log(`\n${table}\n`);
  const minutes = (Date.now() - started) / 60_000;
  console.log(`${quick ? 'quick run' : 'run'} took ${minutes.toFixed(1)} min`);
  if (!only && !servers && !quick) {
    const commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim();
    writeResultsFile({ table, commit, minutes });
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
