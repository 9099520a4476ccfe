/** The command line of `pnpm bench` and `pnpm bench:cluster`. */
export interface BenchArgs {
  /** --only a,b: the scenarios to run (null: all). */
  only: Set<string> | null;
  /** --<subjectsOption> x,y: whom to run them against (null: all). */
  subjects: Set<string> | null;
  quick: boolean;
}

/**
 * `--only a,b`, `--<subjectsOption> x,y` and `--quick`; anything else throws, naming the
 * subjects one may choose from.
 */
export function parseBenchArgs(
  argv: readonly string[],
  subjectsOption: string,
  subjectsExample: string,
): BenchArgs {
  let only: Set<string> | null = null;
  let subjects: Set<string> | null = null;
  let quick = false;
  const list = (value: string | undefined) => new Set((value ?? '').split(','));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--only') only = list(argv[++i]);
    else if (arg?.startsWith('--only=')) only = list(arg.slice('--only='.length));
    else if (arg === `--${subjectsOption}`) subjects = list(argv[++i]);
    else if (arg !== '--') {
      throw new Error(
        `unknown argument ${arg} (use --only a,b, --${subjectsOption} ${subjectsExample} and --quick)`,
      );
    }
  }
  return { only, subjects, quick };
}
