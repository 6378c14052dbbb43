import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:firefox`: unit tests of the Firefox-only code and the load test in firefox-esr, which needs
// dist/firefox built first. One Firefox at a time is plenty for two cores.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
