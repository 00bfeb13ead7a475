import { expect } from "chai";
import fc from "fast-check";
import { CoinAmountError, coinsToGwei, gweiToCoins } from "../../../sdk/networks/index.js";

describe("sdk/networks coin amounts", () => {
  it("converts decimal coins to gwei exactly and back (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (gwei) => coinsToGwei(gweiToCoins(gwei)) === gwei),
      { numRuns: 500 },
    );
    expect(coinsToGwei("1000")).to.equal(1_000_000_000_000n);
    expect(coinsToGwei(0.03125)).to.equal(31_250_000n);
    expect(coinsToGwei(1e-7)).to.equal(100n);
    expect(gweiToCoins(1_500_000_000n)).to.equal("1.5");
  });

  it("refuses non-decimal text and sub-gwei precision with BAD_AMOUNT", () => {
    for (const bad of ["", " ", "a", "1e3", "0x10", "1,5", "1.0000000001"]) {
      expect(() => coinsToGwei(bad), bad)
        .to.throw(CoinAmountError)
        .with.property("code", "BAD_AMOUNT");
    }
  });
});
