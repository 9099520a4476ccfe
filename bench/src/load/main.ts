/**
 * The load run, on demand (not part of the test suite):
 *
 *   pnpm --filter @standpunt/bench load [--minutes 3] [--clients 500] [--papers 50]
 *
 * Needs the built server (`pnpm build`). Stops by itself; exits non-zero when a client saw an
 * error or a paper did not converge.
 */
import { runLoad } from './runLoad.js';
import { formatLoadReport } from './formatLoadReport.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const result = await runLoad({
  clients: option('clients', 500),
  papers: option('papers', 50),
  minutes: option('minutes', 3),
  keystrokeSeconds: option('keystroke-seconds', 2),
  log: (message) => console.log(message),
});
console.log(formatLoadReport(result));
const passed =
  result.errors.length === 0 &&
  result.convergedPapers === result.options.papers &&
  result.storedEqual === result.options.papers;
process.exit(passed ? 0 : 1);
