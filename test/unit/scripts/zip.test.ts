import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../scripts/zip';

interface ReadEntry {
  name: string;
  method: number;
  crc: number;
  date: number;
  time: number;
  mode: number;
  data: Buffer;
}

/** A strict reader of what zip() writes: end record → central directory → local headers → data. */
function unzip(archive: Buffer): ReadEntry[] {
  const end = archive.length - 22;
  expect(archive.readUInt32LE(end)).toBe(0x06054b50);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  expect(at + archive.readUInt32LE(end + 12)).toBe(end);
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const compressed = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const offset = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    // The local header repeats the same fields.
    expect(archive.readUInt32LE(offset)).toBe(0x04034b50);
    expect(archive.subarray(offset + 4, offset + 28)).toEqual(archive.subarray(at + 6, at + 30));
    const start = offset + 30 + archive.readUInt16LE(offset + 26);
    const body = archive.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(data.length).toBe(size);
    entries.push({
      name,
      method,
      crc: archive.readUInt32LE(at + 16),
      time: archive.readUInt16LE(at + 12),
      date: archive.readUInt16LE(at + 14),
      mode: archive.readUInt32LE(at + 38) >>> 16,
      data,
    });
    at += 46 + nameLength;
  }
  return entries;
}

const text = (value: string) => new TextEncoder().encode(value);

describe('zip', () => {
  const files = [
    { name: 'manifest.json', data: text(`{"name":"x",${'"pad":"aaaaaaaaaa",'.repeat(20)}"v":1}`) },
    { name: 'assets/app.js', data: text('console.log(1);'.repeat(50)) },
    { name: 'icons/icon.png', data: Uint8Array.from({ length: 64 }, (_, i) => (i * 97) % 251) },
  ];

  it('round-trips every file, sorted by name, with its CRC', () => {
    const entries = unzip(zip(files));
    expect(entries.map((entry) => entry.name)).toEqual(['assets/app.js', 'icons/icon.png', 'manifest.json']);
    for (const entry of entries) {
      const original = files.find((file) => file.name === entry.name)?.data as Uint8Array;
      expect(new Uint8Array(entry.data)).toEqual(original);
      expect(entry.crc).toBe(crc32(original));
    }
  });

  it('deflates what shrinks and stores what does not', () => {
    const methods = Object.fromEntries(unzip(zip(files)).map((entry) => [entry.name, entry.method]));
    expect(methods).toEqual({ 'assets/app.js': 8, 'icons/icon.png': 0, 'manifest.json': 8 });
  });

  it('is deterministic: same files in any order give the same bytes, with a fixed date and mode', () => {
    const archive = zip(files);
    expect(zip([...files].reverse()).equals(archive)).toBe(true);
    for (const entry of unzip(archive)) {
      expect(entry.date).toBe((1 << 5) | 1);
      expect(entry.time).toBe(0);
      expect(entry.mode).toBe(0o100644);
    }
  });

  it('packs the same tree twice to identical bytes, whatever the clock and time zone say', () => {
    const first = zip(files);
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(zip(files.map((file) => ({ ...file, data: file.data.slice() }))).equals(first)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('writes an empty archive as a bare end record', () => {
    expect(zip([]).length).toBe(22);
    expect(unzip(zip([]))).toEqual([]);
  });

  it('rejects names that could escape the extraction folder, and duplicates', () => {
    for (const name of ['/etc/passwd', '../x', 'a/../../x', 'a\\b', '']) {
      expect(() => zip([{ name, data: text('x') }])).toThrow(/unsafe/);
    }
    expect(() => zip([{ name: '12', data: text('x') }])).toThrow(/number/);
    expect(() => zip([files[0] as (typeof files)[0], files[0] as (typeof files)[0]])).toThrow(/duplicate/);
  });
});
