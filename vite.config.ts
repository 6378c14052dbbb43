import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { dropPublicFiles } from './scripts/firefox/dropPublicFiles.ts';
import { firefoxManifest } from './scripts/firefox/manifest.ts';
import { noHtmlSink } from './scripts/firefox/noHtmlSink.ts';
import { EMULATOR_HOSTS } from './test/e2e/hosts.ts';

/**
 * `vite build` writes the Chrome store build to dist/chrome. `vite build --mode test` writes dist/chrome-test,
 * the same extension granted the emulator's loopback origins up front, since headless Chromium cannot click
 * "Allow" on a permission prompt. `vite build --mode firefox` writes the Firefox store build to dist/firefox
 * from the same sources and manifest (see scripts/firefox/manifest.ts).
 */
export default defineConfig(({ mode }) => {
  if (mode === 'firefox') {
    return target(firefoxManifest(manifest), 'dist/firefox', 'firefox140', 'firefox', [
      noHtmlSink(),
      dropPublicFiles(),
    ]);
  }
  const testBuild = mode === 'test';
  const finalManifest = testBuild
    ? { ...manifest, host_permissions: EMULATOR_HOSTS.map((host) => `https://${host}/*`) }
    : manifest;
  return target(finalManifest, testBuild ? 'dist/chrome-test' : 'dist/chrome', 'chrome120', 'chrome');
});

function target(
  finalManifest: object,
  outDir: string,
  esTarget: string,
  browser: 'chrome' | 'firefox',
  extraPlugins: Plugin[] = [],
): UserConfig {
  return {
    plugins: [
      ...extraPlugins,
      crx({ manifest: finalManifest as ManifestV3Export, browser }),
      singleModulePage('src/popup/index.html', esTarget),
    ],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: esTarget,
      modulePreload: false,
      rollupOptions: {
        // The launch page is opened by the worker, not named in the manifest, so it is listed here; so is
        // the compose page, which the manifest names only as a web-accessible resource.
        input: { launch: 'src/launch/index.html', compose: 'src/compose/index.html' },
      },
    },
  };
}

/**
 * Makes `page`'s script one module: the popup's first paint waits for every module its entry imports, and
 * the chunks it shares with the options page are several more files to fetch, parse and link. Once the
 * build is written, the page's entry is bundled again from the written files with everything it imports
 * inlined (other pages keep the shared chunks).
 */
function singleModulePage(page: string, esTarget: string): Plugin {
  let outDir = '';
  return {
    name: 'single-module-page',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const htmlFile = join(outDir, page);
      const entry = /<script type="module"[^>]*\ssrc="\/([^"]+)"/.exec(readFileSync(htmlFile, 'utf8'))?.[1];
      if (!entry) throw new Error(`no module script in ${page}`);
      const entryFile = join(outDir, entry);
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        root: dirname(entryFile),
        build: {
          write: false,
          target: esTarget,
          modulePreload: false,
          rolldownOptions: { input: entryFile, output: { format: 'es', codeSplitting: false } },
        },
      });
      const [output] = Array.isArray(result) ? result : [result];
      const [chunk, ...more] = 'output' in output ? output.output : [];
      if (chunk?.type !== 'chunk' || more.some((file) => file.type === 'chunk'))
        throw new Error(`${page} did not bundle into one module`);
      writeFileSync(entryFile, chunk.code);
    },
  };
}
