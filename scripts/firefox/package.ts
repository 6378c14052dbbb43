// The two Firefox store uploads: the add-on itself (artifacts/webmail-launcher-<version>-firefox.zip) and the
// source archive addons.mozilla.org asks for when the uploaded code is bundled
// (artifacts/webmail-launcher-<version>-source.zip): every file git tracks, so a reviewer can rebuild the
// add-on with `npm ci && npm run build` and compare. `npm run package` (scripts/package.ts) writes both.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ZipEntry, zip } from '../zip';
import { GECKO_ID } from './manifest';

export const FIREFOX_DIR = 'dist/firefox';
export const ARTIFACTS = 'artifacts';

export interface Packed {
  /** The archive's file name, e.g. webmail-launcher-0.1.0-firefox.zip. */
  file: string;
  bytes: Buffer;
}

interface FirefoxManifest {
  version?: string;
  background?: { scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readJson<T>(path: string, hint: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    throw new Error(`${path} is missing or unreadable: ${hint}`);
  }
}

/** The version in the shared manifest.json: both archives are named after it. */
export function sourceVersion(root = '.'): string {
  const { version } = readJson<{ version?: string }>(
    join(root, 'manifest.json'),
    'run from the project root',
  );
  if (!version) throw new Error('manifest.json has no version');
  return version;
}

/** Every file under `dir`, named by its '/'-separated path inside it. */
function treeEntries(dir: string, prefix = ''): ZipEntry[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((item) => {
    const name = prefix ? `${prefix}/${item.name}` : item.name;
    if (item.isDirectory()) return treeEntries(dir, name);
    return item.isFile() ? [{ name, data: readFileSync(join(dir, name)) }] : [];
  });
}

/** The Firefox store build, refusing anything that is not a current Firefox build of this source. */
export function packFirefox(root = '.'): Packed {
  const dir = resolve(root, FIREFOX_DIR);
  const manifest = readJson<FirefoxManifest>(join(dir, 'manifest.json'), 'run `npm run build` first');
  if (manifest.browser_specific_settings?.gecko?.id !== GECKO_ID || !manifest.background?.scripts?.length) {
    throw new Error(`${FIREFOX_DIR} is not a Firefox build: run \`npm run build\``);
  }
  const version = sourceVersion(root);
  if (manifest.version !== version) {
    throw new Error(
      `${FIREFOX_DIR} is version ${manifest.version}, the source ${version}: run \`npm run build\``,
    );
  }
  return { file: `webmail-launcher-${version}-firefox.zip`, bytes: zip(treeEntries(dir)) };
}

function git(root: string, args: string[]): string[] {
  const out = execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter(Boolean);
}

/**
 * The files git tracks, as they are in the work tree (what `npm run build` just read). Files deleted but not
 * yet committed are left out; submodules and symlinks are not used by this project and are refused.
 */
export function sourceFiles(root = '.'): string[] {
  return git(root, ['ls-files', '-z']).filter((name) => {
    const path = join(root, name);
    if (!existsSync(path)) return false;
    if (!lstatSync(path).isFile())
      throw new Error(`${name} is not a regular file: the source zip cannot hold it`);
    return true;
  });
}

/**
 * The source archive for addons.mozilla.org. `untracked` lists files git does not track and does not ignore:
 * they are not in the archive, so if the build uses one, the archive will not rebuild it — commit it first.
 */
export function packSource(root = '.'): Packed & { untracked: string[] } {
  const entries = sourceFiles(root).map((name) => ({ name, data: readFileSync(join(root, name)) }));
  return {
    file: `webmail-launcher-${sourceVersion(root)}-source.zip`,
    bytes: zip(entries),
    untracked: git(root, ['ls-files', '-z', '--others', '--exclude-standard']),
  };
}

/** Writes an archive under `dir` and returns its path. */
export function writePacked(packed: Packed, dir = ARTIFACTS): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, packed.file);
  writeFileSync(path, packed.bytes);
  return path;
}
