import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const RESULTS_FILE = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

function cpuModel(): string {
  return os.cpus()[0]?.model.trim() ?? 'unknown CPU';
}

/**
 * Puts the latest run (table, date, machine, commit) between the markers in RESULTS.md and
 * leaves the hand-written explanation around it as it is.
 */
export function writeResultsFile(run: { table: string; commit: string; minutes: number }): void {
  const cores = execSync('nproc').toString().trim();
  const memoryGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  const block = [
    START,
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on commit \`${run.commit}\`` +
      ` (plus the working tree), ${run.minutes.toFixed(1)} minutes.`,
    '',
    `Machine: ${cores} cores (\`nproc\`; ${cpuModel()}), ${memoryGiB} GiB memory, Node ${process.version},` +
      ` ${os.type()} ${os.release()}. The server under test has a core of its own in a–c and e–g; in d and h everything shares them.`,
    '',
    run.table,
    END,
  ].join('\n');
  const existing = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : '';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const next =
    start >= 0 && end > start
      ? existing.slice(0, start) + block + existing.slice(end + END.length)
      : `# Benchmark results\n\n${block}\n`;
  fs.writeFileSync(RESULTS_FILE, next);
}
