// Draws build/icon.png (512x512), the app icon electron-builder turns into .ico/.icns/Linux icons:
// two overlapping speech bubbles on a calm blue rounded square, no letters so it needs no translation.
// Only Node built-ins, so regenerating it needs no image tools. Run: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const SIZE = 512;
const SUPERSAMPLES = 4; // per axis: smooth edges without an anti-aliasing library

const BLUE = [0x15, 0x65, 0xc0];
const WHITE = [0xff, 0xff, 0xff];
const PALE_BLUE = [0xbb, 0xde, 0xfb];

const inRoundedSquare = (x, y, inset, radius) => {
  const dx = Math.max(inset + radius - x, 0, x - (SIZE - inset - radius));
  const dy = Math.max(inset + radius - y, 0, y - (SIZE - inset - radius));
  return x >= inset && x <= SIZE - inset && y >= inset && y <= SIZE - inset && dx * dx + dy * dy <= radius * radius;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

// Painted in order; the last layer that contains a point gives its colour. The blue halo around the
// front bubble keeps the two bubbles apart where they overlap.
const layers = [
  { color: BLUE, contains: (x, y) => inRoundedSquare(x, y, 24, 110) },
  { color: PALE_BLUE, contains: (x, y) => inCircle(x, y, 318, 300, 104) || inTriangle(x, y, [372, 370], [420, 432], [318, 400]) },
  { color: BLUE, contains: (x, y) => inCircle(x, y, 206, 222, 138) },
  { color: WHITE, contains: (x, y) => inCircle(x, y, 206, 222, 120) || inTriangle(x, y, [128, 296], [104, 378], [196, 338]) },
];

function colorAt(x, y) {
  let color = null;
  for (const layer of layers) if (layer.contains(x, y)) color = layer.color;
  return color;
}

function renderRgba() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1)); // each row starts with filter byte 0
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLES; sy++) {
        for (let sx = 0; sx < SUPERSAMPLES; sx++) {
          const color = colorAt(px + (sx + 0.5) / SUPERSAMPLES, py + (sy + 0.5) / SUPERSAMPLES);
          if (color === null) continue;
          covered++;
          for (let c = 0; c < 3; c++) sum[c] += color[c];
        }
      }
      const offset = py * (SIZE * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++) rows[offset + c] = covered ? Math.round(sum[c] / covered) : 0;
      rows[offset + 3] = Math.round((covered / SUPERSAMPLES ** 2) * 255);
    }
  }
  return rows;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(renderRgba(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../build/', import.meta.url), { recursive: true });
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
console.log(`build/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
