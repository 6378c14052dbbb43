// Just enough image handling for the context-menu screenshot, with no image tool installed: read the X
// screen that Xvfb keeps as an XWD file (`-fbdir`), find what changed between two reads, crop, write PNG.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { pngChunk } from './png';

/** An RGB image, 3 bytes a pixel, row after row. */
export interface Rgb {
  width: number;
  height: number;
  data: Buffer;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads a 24/32-bit TrueColor ZPixmap XWD file, the format of Xvfb's `-fbdir` screen files. */
export function readXwd(path: string): Rgb {
  const file = readFileSync(path);
  // The header is 25 CARD32s, big-endian by the format; accept a little-endian one too.
  const bigEndian = file.readUInt32BE(0) < 0x10000;
  const field = (i: number) => (bigEndian ? file.readUInt32BE(i * 4) : file.readUInt32LE(i * 4));
  const [headerSize, format, width, height, byteOrder, bitsPerPixel, bytesPerLine, colors] = [
    field(0),
    field(2),
    field(4),
    field(5),
    field(7),
    field(11),
    field(12),
    field(19),
  ];
  const masks = [field(14), field(15), field(16)];
  if (format !== 2 || (bitsPerPixel !== 32 && bitsPerPixel !== 24)) {
    throw new Error(`unsupported XWD screen: format ${format}, ${bitsPerPixel} bits a pixel`);
  }
  const start = headerSize + colors * 12;
  const shifts = masks.map((mask) => Math.log2(mask & -mask));
  const bytes = bitsPerPixel / 8;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = start + y * bytesPerLine + x * bytes;
      let pixel = 0;
      for (let b = 0; b < bytes; b++) {
        const byte = file[at + (byteOrder === 0 ? b : bytes - 1 - b)] ?? 0;
        pixel |= byte << (8 * b);
      }
      for (let c = 0; c < 3; c++) {
        data[(y * width + x) * 3 + c] = ((pixel >>> 0) & (masks[c] as number)) >>> (shifts[c] as number);
      }
    }
  }
  return { width, height, data };
}

/** The smallest box around every pixel within `area` that differs between two images of the same size. */
export function changedBox(
  before: Rgb,
  after: Rgb,
  area: Box = { x: 0, y: 0, width: after.width, height: after.height },
): Box | undefined {
  let [left, top, right, bottom] = [after.width, after.height, -1, -1];
  const [x0, y0] = [Math.max(0, Math.floor(area.x)), Math.max(0, Math.floor(area.y))];
  for (let y = y0; y < Math.min(after.height, area.y + area.height); y++) {
    for (let x = x0; x < Math.min(after.width, area.x + area.width); x++) {
      const i = (y * after.width + x) * 3;
      if (before.data.compare(after.data, i, i + 3, i, i + 3) === 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? undefined : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** `box`, clamped to the image. */
export function crop(image: Rgb, box: Box): Rgb {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const width = Math.min(image.width - x, Math.ceil(box.width));
  const height = Math.min(image.height - y, Math.ceil(box.height));
  const data = Buffer.alloc(width * height * 3);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 3;
    image.data.copy(data, row * width * 3, from, from + width * 3);
  }
  return { width, height, data };
}

/** Writes an 8-bit RGB PNG. */
export function writePng(path: string, image: Rgb): void {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const stride = image.width * 3;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++)
    image.data.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = [
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ];
  writeFileSync(path, Buffer.concat([signature, ...png]));
}
