import type { LoadResult } from './runLoad.js';

const mb = (value: number) => `${value.toFixed(0)} MB`;

/** The figures of a load run, as printed and as copied into RELIABILITY.md. */
export function formatLoadReport(result: LoadResult): string {
  const { options, samples } = result;
  const first = samples[0];
  const last = samples.at(-1);
  // Memory after the first minute (clients joined, caches warm) against the end of the run.
  const warm = samples.find((sample) => sample.atSeconds >= 60) ?? first;
  const rss = samples.map((sample) => sample.rssMb);
  const cpuPercent =
    first && last && last.atSeconds > 0
      ? ((last.cpuSeconds - first.cpuSeconds) / last.atSeconds) * 100
      : 0;
  const lines = [
    '',
    `clients            ${options.clients} (${result.accounts} accounts, signed in with cookies), presence on`,
    `papers             ${options.papers}`,
    `duration           ${options.minutes} min typing, a keystroke per client every ~${options.keystrokeSeconds} s`,
    `keystrokes sent    ${result.keystrokes}`,
    `updates received   ${result.updatesReceived} (by all clients), presence messages ${result.presenceReceived}`,
    `server rss         start ${mb(first?.rssMb ?? 0)}, after 1 min ${mb(warm?.rssMb ?? 0)}, ` +
      `max ${mb(Math.max(...rss))}, end ${mb(last?.rssMb ?? 0)}`,
    `rss samples (10 s) ${rss.map((value) => value.toFixed(0)).join(' ')}`,
    `server cpu         ${cpuPercent.toFixed(0)}% of one core (load generator on the same 2 cores)`,
    `converged          ${result.convergedPapers}/${options.papers} papers, settled in ${result.settleSeconds.toFixed(1)} s; ` +
      `stored = clients: ${result.storedEqual}/${options.papers}`,
    `client errors      ${result.errors.length}${result.errors.length ? `: ${result.errors.slice(0, 5).join('; ')}` : ''}`,
    `server complaints  ${result.serverProblems.length}${result.serverProblems.length ? `: ${result.serverProblems.slice(0, 5).join('; ')}` : ''}`,
  ];
  return lines.join('\n');
}
