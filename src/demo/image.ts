/**
 * Placeholder pictures for the demo pages: a solid-colour PNG per file name, made here so the demo
 * needs no binary files. (Served at the .jpg names the pages use, with the true type image/png.)
 */
import { crc32, deflateSync } from 'node:zlib';

const width = 320;
const height = 180;

export function placeholderPng(name: string): Buffer {
  const [r, g, b] = colourOf(name);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A muted colour derived from the name, so each picture differs but stays calm. */
function colourOf(name: string): [number, number, number] {
  let h = 0;
  for (const char of name) h = (h * 33 + char.charCodeAt(0)) >>> 0;
  return [90 + (h % 100), 100 + ((h >> 8) % 100), 120 + ((h >> 16) % 100)];
}
