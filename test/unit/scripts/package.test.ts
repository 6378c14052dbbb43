import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packTarget, readTree, storeManifest, TARGETS, zipName } from '../../../scripts/package';
import { zip } from '../../../scripts/zip';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wml-package-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

describe('package', () => {
  it('has one target per store, starting with Chrome on dist/chrome', () => {
    expect(TARGETS[0]).toEqual({ name: 'chrome', dir: 'dist/chrome' });
    expect(zipName('0.1.0', 'chrome')).toBe('webmail-launcher-0.1.0-chrome.zip');
  });

  it('reads a build as slash-separated names relative to its root', () => {
    write('dist/chrome/manifest.json', '{"version":"1.2.3"}');
    write('dist/chrome/assets/a.js', 'a');
    write('dist/chrome/src/popup/index.html', '<p>');
    const names = readTree(join(root, 'dist/chrome')).map((entry) => entry.name);
    expect(names.sort()).toEqual(['assets/a.js', 'manifest.json', 'src/popup/index.html']);
  });

  it('names the archive after the built manifest’s version and packs every file', () => {
    write('dist/chrome/manifest.json', '{"version":"1.2.3"}');
    write('dist/chrome/assets/a.js', 'a');
    const { file, bytes } = packTarget({ name: 'chrome', dir: 'dist/chrome' }, root);
    expect(file).toBe('webmail-launcher-1.2.3-chrome.zip');
    expect(bytes.equals(zip(readTree(join(root, 'dist/chrome'))))).toBe(true);
  });

  it('refuses a missing build and a test build with loopback host permissions', () => {
    expect(() => storeManifest(join(root, 'dist/chrome'))).toThrow(/npm run build/);
    write('dist/chrome/manifest.json', '{"version":"1.0.0","host_permissions":["https://127.0.0.10/*"]}');
    expect(() => storeManifest(join(root, 'dist/chrome'))).toThrow(/test build/);
  });
});
