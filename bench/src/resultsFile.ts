import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const RESULTS_FILE = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

function cpuModel(): string {
  return os.cpus()[0]?.model.trim() ?? 'unknown CPU';
}

/** "Run of … UTC on commit `abc1234` (plus the working tree), 7.3 minutes." */
export function runLine(run: { commit: string; minutes: number }): string {
  return (
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on commit \`${run.commit}\`` +
    ` (plus the working tree), ${run.minutes.toFixed(1)} minutes.`
  );
}

/** "Machine: 2 cores (`nproc`; …), … GiB memory, Node …, Linux …." */
export function machineLine(): string {
  const cores = execSync('nproc').toString().trim();
  const memoryGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  return (
    `Machine: ${cores} cores (\`nproc\`; ${cpuModel()}), ${memoryGiB} GiB memory, Node ${process.version},` +
    ` ${os.type()} ${os.release()}.`
  );
}

/**
 * Puts `lines` between the `<!-- name:start -->` and `<!-- name:end -->` markers in RESULTS.md
 * and leaves the hand-written explanation around them as it is. Without the markers, the
 * block goes at the end under `heading`.
 */
export function writeResultsBlock(name: string, heading: string, lines: string[]): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = [start, ...lines, end].join('\n');
  const existing = fs.existsSync(RESULTS_FILE)
    ? fs.readFileSync(RESULTS_FILE, 'utf8')
    : '# Benchmark results\n';
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const next =
    from >= 0 && to > from
      ? existing.slice(0, from) + block + existing.slice(to + end.length)
      : `${existing.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  fs.writeFileSync(RESULTS_FILE, next);
}

/** The latest `pnpm bench` run (table, date, machine, commit). */
export function writeResultsFile(run: { table: string; commit: string; minutes: number }): void {
  writeResultsBlock('results', 'Results', [
    runLine(run),
    '',
    `${machineLine()} The server under test has a core of its own in a–c and e–g; in d and h everything shares them.`,
    '',
    run.table,
  ]);
}
