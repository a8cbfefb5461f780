/**
 * Where a command writes: standard output for results, standard error for what it tells the user.
 * Its own module, so the subcommands and `main` import it instead of each other.
 */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The process's own streams. */
export const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};
