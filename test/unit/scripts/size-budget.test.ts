import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureStoreBuild, sizeTable } from '../../../scripts/size-budget';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

describe('size budget', () => {
  it('measures the popup, the worker and the store zip of dist/chrome', () => {
    root = mkdtempSync(join(tmpdir(), 'wml-budget-'));
    write(
      'dist/chrome/manifest.json',
      JSON.stringify({
        version: '0.1.0',
        action: { default_popup: 'src/popup/index.html' },
        background: { service_worker: 'service-worker-loader.js' },
      }),
    );
    write('dist/chrome/src/popup/index.html', '<script type="module" src="/assets/popup.js"></script>');
    write('dist/chrome/assets/popup.js', 'console.log("popup")');
    write('dist/chrome/service-worker-loader.js', "import './assets/worker.js';");
    write('dist/chrome/assets/worker.js', 'console.log("worker")');
    const results = measureStoreBuild(root);
    expect(results.map((result) => result.name)).toEqual(['popup', 'worker', 'zip']);
    expect(results[2]?.files).toEqual(['webmail-launcher-0.1.0-chrome.zip']);
    expect(results.every((result) => result.bytes > 0 && result.bytes <= result.budget)).toBe(true);
  });

  it('marks a size over its budget', () => {
    const table = sizeTable([
      { name: 'popup', bytes: 15_001, budget: 15_000, files: [] },
      { name: 'zip', bytes: 150_000, budget: 150_000, files: [] },
    ]);
    const [, popup, zip] = table.split('\n');
    expect(popup).toMatch(/^popup JS \(gzip\)\s+15,001 B\s+≤ 15,000 B\s+OVER BUDGET by 1 B$/);
    expect(zip).toMatch(/^store zip\s+150,000 B\s+≤ 150,000 B\s+ok$/);
  });
});
