import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { FIREFOX_DIR, packFirefox, packSource, sourceVersion } from '../../scripts/firefox/package';

const ROOT = resolve(import.meta.dirname, '../..');
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** The archive's files by name, read by fflate. */
function unzip(archive: Uint8Array): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(archive)).map(([name, data]) => [name, Buffer.from(data)]));
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wml-package-'));
  temporary.push(dir);
  return dir;
}

/** The environment without vitest's NODE_ENV=test and VITEST*, which would change what Vite bundles. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
}

function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length + 1), readFileSync(path)];
    }),
  );
}

describe('packFirefox', () => {
  it('zips exactly dist/firefox, named after the version', () => {
    const { file, bytes } = packFirefox(ROOT);
    expect(file).toBe(`webmail-launcher-${sourceVersion(ROOT)}-firefox.zip`);
    expect(unzip(bytes)).toEqual(tree(join(ROOT, FIREFOX_DIR)));
    expect(packFirefox(ROOT).bytes.equals(bytes)).toBe(true);
  });

  it('refuses a Chrome build and a stale one', () => {
    const root = tempDir();
    mkdirSync(join(root, FIREFOX_DIR), { recursive: true });
    writeFileSync(join(root, 'manifest.json'), JSON.stringify({ version: '2.0.0' }));
    const built = join(root, FIREFOX_DIR, 'manifest.json');
    writeFileSync(built, JSON.stringify({ version: '2.0.0', background: { service_worker: 'sw.js' } }));
    expect(() => packFirefox(root)).toThrow(/not a Firefox build/);
    const firefox = readFileSync(join(ROOT, FIREFOX_DIR, 'manifest.json'), 'utf8');
    writeFileSync(built, firefox);
    expect(() => packFirefox(root)).toThrow(/is version .*, the source 2\.0\.0/);
  });
});

describe('packSource', () => {
  const source = packSource(ROOT);
  const files = unzip(source.bytes);

  it('holds what git tracks, not builds or dependencies', () => {
    expect(source.file).toBe(`webmail-launcher-${sourceVersion(ROOT)}-source.zip`);
    for (const name of [
      'README.md',
      'package.json',
      'package-lock.json',
      'manifest.json',
      'vite.config.ts',
    ]) {
      expect(files.has(name), name).toBe(true);
    }
    expect([...files.keys()].filter((name) => /^(dist|node_modules|artifacts)\//.test(name))).toEqual([]);
  });

  // What a reviewer at addons.mozilla.org does: unpack, install the locked dependencies, build, compare.
  it('rebuilds dist/firefox byte for byte', () => {
    const root = tempDir();
    for (const [name, data] of files) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), data);
    }
    // The same locked dependencies as `npm ci` would install, without the download.
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'firefox'],
        { cwd: root, stdio: 'pipe', env: cleanEnv() },
      );
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '').slice(0, 2_000);
      throw new Error(
        `the source zip does not build (untracked: ${source.untracked.join(', ')}):\n${stderr}`,
      );
    }
    const rebuilt = tree(join(root, FIREFOX_DIR));
    const original = tree(join(ROOT, FIREFOX_DIR));
    expect([...rebuilt.keys()].sort()).toEqual([...original.keys()].sort());
    const differing = [...original]
      .filter(([name, data]) => !rebuilt.get(name)?.equals(data))
      .map(([n]) => n);
    expect(differing, `untracked files the build may need: ${source.untracked.join(', ')}`).toEqual([]);
  }, 60_000);
});
