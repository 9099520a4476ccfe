import path from 'node:path';

export interface CommandArgs {
  /** The one positional argument: the backup to make or to restore. */
  location: string;
  dataDir: string;
}

/**
 * `<location> [--data-dir <dir>]`; DATA_DIR comes from the option, else the environment, else
 * `./data` — the same default as the server's, so both commands find what `pnpm start` uses.
 */
export function parseCommandArgs(argv: string[], usage: string): CommandArgs {
  const positional: string[] = [];
  let dataDir = process.env.DATA_DIR || 'data';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir' && argv[i + 1]) dataDir = argv[++i] ?? dataDir;
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else if (arg === '-h' || arg === '--help') throw new Error(usage);
    else positional.push(arg);
  }
  if (positional.length !== 1 || !positional[0]) throw new Error(usage);
  return { location: path.resolve(positional[0]), dataDir: path.resolve(dataDir) };
}

/** Runs a command's body: its error message, without a stack, and exit status 1. */
export function runCommand(body: () => Promise<void>): void {
  body().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
