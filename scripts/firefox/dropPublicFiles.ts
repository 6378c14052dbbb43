// Leaves Chrome-only files from public/ out of the Firefox build, so the store package holds only what
// Firefox reads (a reviewer asks about every file).
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Chrome reads managed storage's schema from the manifest; Firefox takes policies from policies.json. */
export const CHROME_ONLY_FILES = ['managed_schema.json'];

export function dropPublicFiles(files: readonly string[] = CHROME_ONLY_FILES): Plugin {
  let outDir = '';
  return {
    name: 'webmail-launcher:drop-public-files',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // writeBundle runs only after a successful write, when public/ has been copied in.
    writeBundle() {
      for (const file of files) {
        const path = join(outDir, file);
        // Missing means public/ changed: say so rather than quietly shipping or skipping something else.
        if (!existsSync(path)) this.error(`${file} is not in public/ any more: update CHROME_ONLY_FILES`);
        rmSync(path);
      }
    },
  };
}
