/**
 * `node server/dist/backup.js <new-dir> [--data-dir <dir>]` (root script: `pnpm backup`):
 * a consistent, verified copy of DATA_DIR, also while the server runs. README, "Backup and
 * restore".
 */
import { backupDataDir } from './backup/backupDataDir.js';
import { parseCommandArgs, runCommand } from './backup/parseCommandArgs.js';

const USAGE =
  'usage: backup <new-directory> [--data-dir <DATA_DIR>] (default DATA_DIR: $DATA_DIR or ./data)';

runCommand(async () => {
  const { location, dataDir } = parseCommandArgs(process.argv.slice(2), USAGE);
  const summary = await backupDataDir(dataDir, location);
  console.log(
    `backup of ${dataDir} written to ${location}: ${summary.accounts} accounts, ` +
      `${summary.papers} papers, ${summary.drafts} drafts, ${summary.auditEvents} audit events (verified)`,
  );
});
