// The strict snappy block check: every block snappyjs produces passes (property, all size classes), and the
// malformed blocks snappyjs itself would accept (copy before the output start, output shorter than announced) fail.
import { expect } from "chai";
import fc from "fast-check";
import snappy from "snappyjs";
import { isWellFormedSnappyBlock } from "../../../../consensus/network/encoding/snappyBlockCheck.js";

describe("consensus/network/encoding strict snappy block check", () => {
  it("accepts every block the encoder produces (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.array(fc.constantFrom(0, 1, 2), { maxLength: 100_000 }).map((a) => Uint8Array.from(a)),
          fc.nat({ max: 300_000 }).map((n) => new Uint8Array(n).fill(9)),
        ),
        (d) => isWellFormedSnappyBlock(snappy.compress(d)),
      ),
      { numRuns: 60 },
    );
  });

  it("refuses what snappyjs would let through: copies before the start, short output, truncation, excess", () => {
    const copyBeforeStart = Uint8Array.of(200, 1, 0xff, 0xff, 0xff, 0xff, 0xff);
    expect(() => snappy.uncompress(copyBeforeStart)).to.not.throw(); // why the check exists
    expect(isWellFormedSnappyBlock(copyBeforeStart)).to.equal(false);
    expect(isWellFormedSnappyBlock(Uint8Array.of(200, 1, 0x00, 5))).to.equal(false); // 1 byte of 200
    expect(isWellFormedSnappyBlock(Uint8Array.of(3, 0x08, 1, 2))).to.equal(false); // literal of 3, 2 given
    expect(isWellFormedSnappyBlock(Uint8Array.of(1, 0x04, 1, 2))).to.equal(false); // literal of 2 > announced 1
    expect(isWellFormedSnappyBlock(Uint8Array.of(0x80))).to.equal(false); // unterminated preamble
    expect(isWellFormedSnappyBlock(Uint8Array.of(0))).to.equal(true); // empty
    expect(isWellFormedSnappyBlock(Uint8Array.of(3, 0x08, 7, 8, 9))).to.equal(true);
  });
});
