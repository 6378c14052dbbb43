// Draws the toolbar icon (a white envelope on a blue rounded square) into PNGs, so the icons are
// reproducible from source: `npx tsx scripts/make-icons.ts`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { pngChunk } from './png';

const SIZES = [16, 32, 48, 128];
const BLUE = [31, 111, 235];
const WHITE = [255, 255, 255];

/** Coverage of pixel (x, y) by the shape, sampled 4×4 for smooth edges. */
function coverage(size: number, x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

function roundedSquare(u: number, v: number): boolean {
  const r = 0.18;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

function envelope(u: number, v: number): boolean {
  const [left, right, top, bottom, stroke] = [0.2, 0.8, 0.3, 0.72, 0.07];
  if (u < left || u > right || v < top || v > bottom) return false;
  const border = u < left + stroke || u > right - stroke || v < top + stroke || v > bottom - stroke;
  // The flap: a V from the top corners down to the middle.
  const mid = (left + right) / 2;
  const flap = top + 0.24 * (1 - Math.abs(u - mid) / (mid - left));
  return border || Math.abs(v - flap) < stroke * 0.75;
}

function png(size: number): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const bg = coverage(size, x, y, roundedSquare);
      const fg = coverage(size, x, y, envelope);
      const color = BLUE.map((c, i) => Math.round(c * (1 - fg) + (WHITE[i] ?? 255) * fg));
      rows.push(...color, Math.round(255 * bg));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows), { level: 9 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

for (const size of SIZES)
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), png(size));
