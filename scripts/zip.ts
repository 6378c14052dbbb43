// The store and source archives, written by fflate. The output depends only on the entries: names are
// sorted, every timestamp and mode is fixed, and fflate's deflate is plain JavaScript pinned in
// package-lock.json, so the same tree packs to the same bytes on any machine and any Node release.
import { deflateSync, type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated, without a leading '/'. */
  name: string;
  data: Uint8Array;
}

// Unix "made by" with rw-r--r--, so unzip applies the permissions.
const UNIX = 3;
const FILE_MODE = (0o100644 << 16) >>> 0;

function checkName(name: string): void {
  if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').some((part) => part === '..')) {
    throw new Error(`unsafe ZIP entry name: ${JSON.stringify(name)}`);
  }
  // An object key that reads as an array index would be moved to the front by JavaScript itself.
  if (/^(0|[1-9]\d*)$/.test(name)) throw new Error(`ZIP entry name reads as a number: ${name}`);
}

/** Packs the entries, sorted by name, into one ZIP archive; an entry deflate does not shrink is stored. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // 1980-01-01 00:00:00 local time, the earliest date DOS time can hold. fflate writes the local clock
  // fields, so a stamp made in the current time zone is the same DOS date and time in every zone.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const files: Zippable = {};
  sorted.forEach((entry, i) => {
    checkName(entry.name);
    if (i > 0 && sorted[i - 1]?.name === entry.name) throw new Error(`duplicate ZIP entry ${entry.name}`);
    const shrinks = deflateSync(entry.data, { level: 9 }).length < entry.data.length;
    files[entry.name] = [entry.data, { level: shrinks ? 9 : 0, mtime, os: UNIX, attrs: FILE_MODE }];
  });
  return Buffer.from(zipSync(files));
}
