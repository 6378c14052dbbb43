// What each part of the built extension costs to load: the JS a page or the worker really fetches, found by
// following the built files' own import statements, gzipped one file at a time (level 9).
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes (1 KB = 1,000 bytes), from issue #7. */
export const SIZE_BUDGETS = {
  popup: 22_000,
  worker: 32_000,
  zip: 150_000,
} as const;

export type SizeName = keyof typeof SIZE_BUDGETS;

export interface SizeResult {
  name: SizeName;
  bytes: number;
  budget: number;
  /** The files counted, relative to the build root. */
  files: string[];
}

/** `src` of every `<script type="module" src=…>` in an HTML page (the entry points Vite writes). */
export function moduleScripts(html: string): string[] {
  const sources: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!/\btype\s*=\s*["']?module\b/i.test(tag)) continue;
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (value) sources.push(value);
  }
  return sources;
}

/**
 * Specifiers of the static `import … from '…'`, `import '…'` and `export … from '…'` statements of a
 * built (minified) module. Dynamic `import()` is left out: it is not loaded up front.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern =
    /(?:^|[;}\s])(?:import\s*(?:[\w$*{},\s]+?\s*from\s*)?|export\s*(?:[\w$*{},\s]+?)\s*from\s*)(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(pattern)) found.add(match[2] as string);
  return [...found];
}

/**
 * Resolves `specifier` as the browser would inside the extension: '/x' from the build root, './x' and
 * '../x' from the importing file. Paths are '/'-separated and relative to the root.
 */
export function resolveSpecifier(importer: string, specifier: string): string {
  if (specifier.startsWith('/')) return posix.normalize(specifier.slice(1));
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const resolved = posix.normalize(posix.join(posix.dirname(importer), specifier));
    if (resolved.startsWith('../')) throw new Error(`${importer} imports ${specifier}, outside the build`);
    return resolved;
  }
  throw new Error(`${importer} imports the bare specifier ${specifier}, which an extension cannot load`);
}

/** Every module reachable from `entries` through static imports, entries first, each once. */
export function reachableModules(entries: string[], read: (path: string) => string): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(read(file))) queue.push(resolveSpecifier(file, specifier));
  }
  return [...seen];
}

export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length;
}

/** Within budget means at most the budget. */
export function withinBudget(result: Pick<SizeResult, 'bytes' | 'budget'>): boolean {
  return result.bytes <= result.budget;
}

interface BuiltManifest {
  action?: { default_popup?: string };
  background?: { service_worker?: string };
}

/** The popup's and the worker's JS, gzipped per file and summed, of the build in `root`. */
export function measureEntryPoints(root: string): SizeResult[] {
  const manifestPath = join(root, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the extension first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BuiltManifest;
  const popupHtml = manifest.action?.default_popup;
  const worker = manifest.background?.service_worker;
  if (!popupHtml || !worker) throw new Error('the built manifest names no popup or no service worker');

  const read = (path: string): string => readFileSync(join(root, path), 'utf8');
  const popupEntries = moduleScripts(read(popupHtml)).map((src) => resolveSpecifier(popupHtml, src));
  const measure = (name: SizeName, entries: string[]): SizeResult => {
    const files = reachableModules(entries, read);
    const bytes = files.reduce((sum, file) => sum + gzipSize(readFileSync(join(root, file))), 0);
    return { name, bytes, budget: SIZE_BUDGETS[name], files };
  };
  return [measure('popup', popupEntries), measure('worker', [worker])];
}
