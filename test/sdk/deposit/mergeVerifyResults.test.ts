// mergeVerifyResults: a file verified in parts (one per worker) and joined gives what verifyDepositData gives for the
// whole file, including pubkeys repeated across parts and entries that fail in any part.
import { expect } from "chai";
import fc from "fast-check";
import { bls } from "../../../sdk/crypto/bls/index.js";
import {
  generateDepositData,
  mergeVerifyResults,
  toLaunchpadEntry,
  verifyDepositData,
} from "../../../sdk/deposit/index.js";
import { BTC20_DEVNET } from "../../../sdk/networks/index.js";

describe("sdk/deposit/verify mergeVerifyResults", () => {
  const base = generateDepositData({
    bls,
    seed: new Uint8Array(64).fill(7),
    network: BTC20_DEVNET,
    startIndex: 0,
    count: 8,
    withdrawalAddress: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
  }).map((v) => toLaunchpadEntry(v.deposit));

  it("equals verifying the whole file, for any split (duplicates across parts, bad signatures, malformed entries)", () => {
    const file: unknown[] = [...base, base[1], { ...base[3]!, signature: base[0]!.signature }, { pubkey: 5 }, base[6]];
    const whole = verifyDepositData(file, BTC20_DEVNET, { bls });
    expect(whole.entries.filter((e) => !e.ok).map((e) => e.index)).to.deep.equal([8, 9, 10, 11]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: file.length - 1 }), { maxLength: 4 }), (cuts) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), file.length];
        const parts = bounds
          .slice(1)
          .map((end, k) => verifyDepositData(file.slice(bounds[k], end), BTC20_DEVNET, { bls }));
        const merged = mergeVerifyResults(parts);
        expect(merged.ok).to.equal(whole.ok);
        expect(merged.entries.map((e) => [e.index, e.ok, e.issues.map((i) => i.message)])).to.deep.equal(
          whole.entries.map((e) => [e.index, e.ok, e.issues.map((i) => i.message)]),
        );
      }),
      { numRuns: 8 },
    );
  });
});
