// The live suite, run by `npm run test:live` (scripts/live.ts) with the LIVE_* variables it checked.
// Not part of vitest.config.ts: without a named server there is nothing for it to do.
import { defineConfig } from 'vitest/config';
import { ROOT } from './paths.ts';

export default defineConfig({
  test: {
    root: ROOT,
    include: ['test/live/**/*.test.ts'],
    environment: 'node',
    // One Chromium per file (cPanel, WHM); a real server may answer slowly.
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
