// Draws the add-in's icons (three stacked tier bars on Excel green) as PNGs, with no image library:
// run once with `node scripts/make-icons.mjs`; the PNGs are committed under assets/.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.18;
  for (let y = 0; y < size; y++) {
    px[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
      let [R, G, B, A] = inside ? [0x10, 0x7c, 0x41, 255] : [0, 0, 0, 0];
      // three bars, narrowest on top: the tiers
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const bars = [
        [0.2, 0.34, 0.3],
        [0.42, 0.56, 0.2],
        [0.64, 0.78, 0.1],
      ];
      for (const [top, bottom, inset] of bars) {
        if (inside && v >= top && v < bottom && u >= 0.1 + inset && u < 0.9 - inset)
          [R, G, B] = [255, 255, 255];
      }
      px[o] = R;
      px[o + 1] = G;
      px[o + 2] = B;
      px[o + 3] = A;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(px)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("assets", { recursive: true });
for (const s of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${s}.png`, icon(s));
console.log("wrote assets/icon-{16,32,64,80,128}.png");
