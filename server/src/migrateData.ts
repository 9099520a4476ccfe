/**
 * `node server/dist/migrateData.js --from <DATA_DIR> --to <DATABASE_URL>` (root script:
 * `pnpm migrate-data`): moves an embedded installation into an empty PostgreSQL database and
 * verifies the copy, with the server stopped. README, "Moving an embedded installation to
 * PostgreSQL".
 */
import path from 'node:path';
import { runCommand } from './backup/parseCommandArgs.js';
import { describeDatabase } from './storage/describeDatabase.js';
import { migrateFileToPg } from './storage/migrate/migrateFileToPg.js';

const USAGE =
  'usage: migrate-data [--from <DATA_DIR>] [--to <DATABASE_URL>] ' +
  '(defaults: $DATA_DIR or ./data, and $STANDPUNT_DATABASE_URL)';

/**
 * The defaults are the server's own settings, so the command moves what `pnpm start` uses;
 * taking the URL from the environment also keeps its password out of the process list.
 */
function parseArgs(argv: string[]): { from: string; to: string } {
  let from = process.env.DATA_DIR || 'data';
  let to = process.env.STANDPUNT_DATABASE_URL || '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const value = () => {
      const given = inline ?? argv[++i];
      if (!given) throw new Error(USAGE);
      return given;
    };
    if (name === '--from') from = value();
    else if (name === '--to') to = value();
    else throw new Error(USAGE);
  }
  if (!to) throw new Error(`${USAGE}\nno database given: pass --to or set STANDPUNT_DATABASE_URL`);
  return { from: path.resolve(from), to };
}

runCommand(async () => {
  const { from, to } = parseArgs(process.argv.slice(2));
  const summary = await migrateFileToPg(from, to, (message) => console.log(message));
  console.log(
    `migrated ${from} to ${describeDatabase(to)}: ${summary.accounts} accounts, ` +
      `${summary.sessions} sessions, ${summary.papers} papers, ${summary.memberships} ` +
      `memberships, ${summary.drafts} drafts, ${summary.auditEvents} audit events, ` +
      `${summary.pendingMails} unsent mails (verified)`,
  );
});
