// Lets a script be both a command (`tsx scripts/x.ts`) and a module its tests import.
import { pathToFileURL } from 'node:url';

/** Runs `main` when the calling module is the one Node was started with; a failure prints its message and exits 1. */
export function runIfMain(moduleUrl: string, main: () => void | Promise<void>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
