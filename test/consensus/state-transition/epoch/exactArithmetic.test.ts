// The epoch helpers stay exact where uint64 products or totals exceed 2**53 (large BTC20 registries, long leaks).
import { expect } from "chai";
import fc from "fast-check";
import { floorMulDiv } from "../../../../consensus/state-transition/epoch/floorMulDiv.js";
import { integerSquareroot } from "../../../../consensus/state-transition/math/integerSquareroot.js";

describe("epoch exact arithmetic", () => {
  it("floorMulDiv equals the bigint floor(a * b / c), including products above 2**53", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (a, b, c) => {
          expect(floorMulDiv(a, b, c)).to.equal(Number((BigInt(a) * BigInt(b)) / BigInt(c)));
        },
      ),
    );
    // 1000 BTCC effective balance, 10000 epochs without finality, INACTIVITY_PENALTY_QUOTIENT 2**24
    expect(floorMulDiv(1e12, 10_000, 2 ** 24)).to.equal(596046447);
  });

  it("integerSquareroot is the integer square root of totals beyond 2**53", () => {
    expect(integerSquareroot(1e18)).to.equal(1e9); // 1M validators x 1000 BTCC
    expect(integerSquareroot(16_384_000_000_000_000)).to.equal(128_000_000); // 16384 x 1000 BTCC
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), (increments) => {
        const total = increments * 1e9; // a sum of whole 1 BTCC increments: an exact double
        const root = BigInt(integerSquareroot(total));
        const n = BigInt(total);
        expect(root * root <= n && (root + 1n) * (root + 1n) > n).to.equal(true);
      }),
    );
  });
});
