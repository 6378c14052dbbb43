import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  gzipSize,
  measureEntryPoints,
  moduleScripts,
  reachableModules,
  resolveSpecifier,
  SIZE_BUDGETS,
  staticImports,
  withinBudget,
} from '../../../scripts/bench/sizes';

describe('moduleScripts', () => {
  it('finds the module entry points Vite writes, in order, and nothing else', () => {
    const html = `<!doctype html><head>
      <script type="module" crossorigin src="/assets/index.html-CWtQ.js"></script>
      <script src="/legacy.js"></script>
      <script type=module src='./second.js'></script>
      <link rel="stylesheet" href="/assets/a.css">
    </head>`;
    expect(moduleScripts(html)).toEqual(['/assets/index.html-CWtQ.js', './second.js']);
  });
});

describe('staticImports', () => {
  it('reads the import and re-export statements of minified output', () => {
    const code =
      'import{a as e,c as t}from"./ErrorNote-DXea.js";import{t as l}from"./client-iLDZ.js";' +
      "import'./side-effect.js';import*as ns from './ns.js';export{x}from\"./re.js\";export*from'./star.js';" +
      'var x=1;';
    expect(staticImports(code)).toEqual([
      './ErrorNote-DXea.js',
      './client-iLDZ.js',
      './side-effect.js',
      './ns.js',
      './re.js',
      './star.js',
    ]);
  });

  it('leaves out dynamic imports and look-alike identifiers', () => {
    expect(staticImports('const m=import("./lazy.js");const reimport="x";myimport("./no.js")')).toEqual([]);
  });

  it('reads the service worker loader', () => {
    expect(staticImports("import './assets/index.ts-buAp.js';\n")).toEqual(['./assets/index.ts-buAp.js']);
  });
});

describe('resolveSpecifier', () => {
  it('resolves root-relative and file-relative paths inside the build', () => {
    expect(resolveSpecifier('src/popup/index.html', '/assets/a.js')).toBe('assets/a.js');
    expect(resolveSpecifier('assets/a.js', './b.js')).toBe('assets/b.js');
    expect(resolveSpecifier('src/popup/index.html', '../../assets/c.js')).toBe('assets/c.js');
  });

  it('refuses bare specifiers and paths outside the build', () => {
    expect(() => resolveSpecifier('assets/a.js', 'preact')).toThrow(/bare specifier/);
    expect(() => resolveSpecifier('assets/a.js', '../../x.js')).toThrow(/outside the build/);
  });
});

describe('reachableModules', () => {
  it('follows the chunk graph once per file, through shared chunks and cycles', () => {
    const files: Record<string, string> = {
      'assets/entry.js': 'import{a}from"./shared.js";import"./only-popup.js";',
      'assets/shared.js': 'import{b}from"./polyfill.js";',
      'assets/only-popup.js': 'import{a}from"./shared.js";',
      'assets/polyfill.js': 'import{c}from"./shared.js";', // a cycle
      'assets/unrelated.js': '',
    };
    const read = (path: string) => {
      const code = files[path];
      if (code === undefined) throw new Error(`missing ${path}`);
      return code;
    };
    expect(reachableModules(['assets/entry.js'], read)).toEqual([
      'assets/entry.js',
      'assets/shared.js',
      'assets/only-popup.js',
      'assets/polyfill.js',
    ]);
  });
});

describe('budgets', () => {
  it('are the targets of issue #7, and a size equal to its budget is within it', () => {
    expect(SIZE_BUDGETS).toEqual({ popup: 22_000, worker: 32_000, zip: 150_000 });
    expect(withinBudget({ bytes: 15_000, budget: 15_000 })).toBe(true);
    expect(withinBudget({ bytes: 15_001, budget: 15_000 })).toBe(false);
  });

  it('measures gzip at level 9, deterministically', () => {
    const code = 'function f(){return 1}'.repeat(100);
    expect(gzipSize(code)).toBe(gzipSize(code));
    expect(gzipSize(code)).toBeLessThan(code.length / 10);
  });
});

describe('measureEntryPoints', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(path: string, content: string) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }

  it('counts the JS the popup page and the worker load, each file gzipped on its own', () => {
    root = mkdtempSync(join(tmpdir(), 'wml-sizes-'));
    write(
      'manifest.json',
      JSON.stringify({
        action: { default_popup: 'src/popup/index.html' },
        background: { service_worker: 'service-worker-loader.js' },
      }),
    );
    write('src/popup/index.html', '<script type="module" src="/assets/popup.js"></script>');
    write('assets/popup.js', 'import{a}from"./shared.js";console.log("popup")');
    write('assets/shared.js', 'export const a=1;');
    write('service-worker-loader.js', "import './assets/worker.js';");
    write('assets/worker.js', 'import{a}from"./shared.js";console.log("worker")');
    write('assets/options.js', 'console.log("not counted")'.repeat(100));

    const [popup, worker] = measureEntryPoints(root);
    expect(popup?.files).toEqual(['assets/popup.js', 'assets/shared.js']);
    expect(worker?.files).toEqual(['service-worker-loader.js', 'assets/worker.js', 'assets/shared.js']);
    expect(popup?.bytes).toBe(
      gzipSize('import{a}from"./shared.js";console.log("popup")') + gzipSize('export const a=1;'),
    );
    expect(popup?.budget).toBe(SIZE_BUDGETS.popup);
  });

  it('says to build first when there is no build', () => {
    root = mkdtempSync(join(tmpdir(), 'wml-sizes-'));
    expect(() => measureEntryPoints(root)).toThrow(/build the extension first/);
  });
});
