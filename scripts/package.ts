// `npm run package`: zips each store build into artifacts/webmail-launcher-<version>-<target>.zip, ready to
// upload, plus the source zip addons.mozilla.org asks for. Deterministic (see zip.ts), so the size budget can measure the very bytes this writes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packFirefox, packSource } from './firefox/package';
import { runIfMain } from './runIfMain';
import { type ZipEntry, zip } from './zip';

export interface PackageTarget {
  name: string;
  /** The store build's directory, relative to the project root. */
  dir: string;
}

/** The Chromium stores' builds; Firefox's needs its own checks (firefox/package.ts). */
export const TARGETS: readonly PackageTarget[] = [{ name: 'chrome', dir: 'dist/chrome' }];

export const ARTIFACTS = 'artifacts';

/** Every file under `dir`, named by its '/'-separated path inside it. */
export function readTree(dir: string, prefix = ''): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (const item of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${item.name}` : item.name;
    if (item.isDirectory()) entries.push(...readTree(dir, name));
    else if (item.isFile()) entries.push({ name, data: readFileSync(join(dir, name)) });
  }
  return entries;
}

interface StoreManifest {
  version?: string;
  host_permissions?: string[];
}

/** The build's manifest, refusing a test build: it must never reach a store. */
export function storeManifest(dir: string): StoreManifest & { version: string } {
  let manifest: StoreManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as StoreManifest;
  } catch {
    throw new Error(`${dir}/manifest.json is missing or unreadable: run \`npm run build\` first`);
  }
  if (!manifest.version) throw new Error(`${dir}/manifest.json has no version`);
  if (manifest.host_permissions?.some((origin) => /\/\/127\./.test(origin))) {
    throw new Error(`${dir} is a test build (loopback host permissions): run \`npm run build\``);
  }
  return { ...manifest, version: manifest.version };
}

export function zipName(version: string, target: string): string {
  return `webmail-launcher-${version}-${target}.zip`;
}

/** The archive of one target's build and the file name it goes under. */
export function packTarget(target: PackageTarget, root = '.'): { file: string; bytes: Buffer } {
  const dir = resolve(root, target.dir);
  const { version } = storeManifest(dir);
  return { file: zipName(version, target.name), bytes: zip(readTree(dir)) };
}

function main(): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const source = packSource();
  const archives = [...TARGETS.map((target) => packTarget(target)), packFirefox(), source];
  for (const { file, bytes } of archives) {
    writeFileSync(join(ARTIFACTS, file), bytes);
    console.log(`${join(ARTIFACTS, file)}  ${bytes.length.toLocaleString('en-US')} bytes`);
  }
  if (source.untracked.length > 0) {
    console.warn(`not in the source zip (untracked): ${source.untracked.join(', ')}`);
  }
}

runIfMain(import.meta.url, main);
