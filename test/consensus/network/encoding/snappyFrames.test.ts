// Snappy framing format: known answers (the stream identifier, CRC-32C and its mask), round trips of random data of
// every size class (property), and the reader's rejections (bad CRC, data before the identifier, reserved chunks).
import { expect } from "chai";
import fc from "fast-check";
import {
  decodeSnappyFrames,
  encodeSnappyFrames,
  MAX_FRAME_DATA_BYTES,
  maskedCrc32c,
} from "../../../../consensus/network/encoding/snappyFrames.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "no error";
};

describe("consensus/network/encoding snappy frames", () => {
  it("masks CRC-32C as framing_format.txt says (known answers)", () => {
    // CRC-32C("123456789") = 0xe3069283 (the standard check value); masked = rotr15 + 0xa282ead8
    // python: c = 0xe3069283; ((((c >> 15) | (c << 17)) & 0xffffffff) + 0xa282ead8) & 0xffffffff
    expect(maskedCrc32c(new TextEncoder().encode("123456789"))).to.equal(0xc78ab0e5);
  });

  it("starts with the stream identifier and stores a short input uncompressed with its CRC", () => {
    const out = encodeSnappyFrames(Uint8Array.of(1, 2, 3));
    expect(Buffer.from(out.subarray(0, 10)).toString("hex")).to.equal("ff060000734e61507059");
    // chunk type 0x01 (uncompressed), length 4 + 3
    expect([...out.subarray(10, 14)]).to.deep.equal([0x01, 7, 0, 0]);
    expect([...out.subarray(18)]).to.deep.equal([1, 2, 3]);
    expect(decodeSnappyFrames(out)).to.deep.equal(Uint8Array.of(1, 2, 3));
  });

  it("round-trips any data, across the 65536-byte chunk limit (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.uint8Array({ minLength: MAX_FRAME_DATA_BYTES - 2, maxLength: MAX_FRAME_DATA_BYTES * 2 + 5 }),
          fc.nat({ max: 200_000 }).map((n) => new Uint8Array(n).fill(7)),
        ),
        (data) => {
          expect(decodeSnappyFrames(encodeSnappyFrames(data))).to.deep.equal(data);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("rejects a bad CRC, data before the identifier, a reserved unskippable chunk and a truncated chunk", () => {
    const good = encodeSnappyFrames(new Uint8Array(1000).fill(9));
    const badCrc = good.slice();
    badCrc[14] ^= 1;
    expect(code(() => decodeSnappyFrames(badCrc))).to.equal("SNAPPY_CRC_MISMATCH");
    expect(code(() => decodeSnappyFrames(good.subarray(10)))).to.equal("SNAPPY_INVALID");
    const reserved = Uint8Array.of(...good.subarray(0, 10), 0x02, 1, 0, 0, 0);
    expect(code(() => decodeSnappyFrames(reserved))).to.equal("SNAPPY_INVALID");
    expect(code(() => decodeSnappyFrames(good.subarray(0, good.length - 1)))).to.equal("UNEXPECTED_EOF");
    // padding (0xfe) and reserved skippable chunks (0x80..0xfd) are skipped
    const padded = Uint8Array.of(...good.subarray(0, 10), 0xfe, 2, 0, 0, 0, 0, ...good.subarray(10));
    expect(decodeSnappyFrames(padded)).to.deep.equal(new Uint8Array(1000).fill(9));
  });
});
