import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { EMULATOR_HOSTS } from './test/e2e/hosts.ts';

/**
 * `vite build` writes the store build to dist/chrome. `vite build --mode test` writes dist/chrome-test, the
 * same extension granted the emulator's loopback origins up front, since headless Chromium cannot click
 * "Allow" on a permission prompt.
 */
export default defineConfig(({ mode }) => {
  const testBuild = mode === 'test';
  const finalManifest = testBuild
    ? { ...manifest, host_permissions: EMULATOR_HOSTS.map((host) => `https://${host}/*`) }
    : manifest;
  return {
    plugins: [crx({ manifest: finalManifest as ManifestV3Export })],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: testBuild ? 'dist/chrome-test' : 'dist/chrome',
      emptyOutDir: true,
      target: 'chrome120',
      modulePreload: false,
      rollupOptions: {
        // The launch page is opened by the worker, not named in the manifest, so it is listed here.
        input: { launch: 'src/launch/index.html' },
      },
    },
  };
});
