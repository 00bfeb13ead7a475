// verifyDepositData's onProgress (the dApp's progress bar): reported per group, ending at the total, with the same
// verdicts as without it.
import { expect } from "chai";
import { bls } from "../../../sdk/crypto/bls/index.js";
import {
  generateDepositData,
  PROGRESS_GROUP_SIZE,
  toLaunchpadEntry,
  verifyDepositData,
} from "../../../sdk/deposit/index.js";
import { BTC20_DEVNET } from "../../../sdk/networks/index.js";

describe("sdk/deposit/verify verifyDepositData onProgress", () => {
  it("reports each group up to the total and finds the same bad entry", () => {
    const entries = generateDepositData({
      bls,
      seed: new Uint8Array(64).fill(5),
      network: BTC20_DEVNET,
      startIndex: 0,
      count: PROGRESS_GROUP_SIZE + 3,
      withdrawalAddress: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
    }).map((v) => toLaunchpadEntry(v.deposit));
    const bad = PROGRESS_GROUP_SIZE + 1;
    entries[bad]!.signature = entries[0]!.signature;
    const seen: [number, number][] = [];
    const withProgress = verifyDepositData(entries, BTC20_DEVNET, { bls, onProgress: (d, t) => seen.push([d, t]) });
    const without = verifyDepositData(entries, BTC20_DEVNET, { bls });
    const total = entries.length;
    expect(seen).to.deep.equal([
      [PROGRESS_GROUP_SIZE, total],
      [total, total],
    ]);
    expect(withProgress.entries.map((e) => e.issues.map((i) => i.code))).to.deep.equal(
      without.entries.map((e) => e.issues.map((i) => i.code)),
    );
    expect(withProgress.entries.filter((e) => !e.ok).map((e) => e.index)).to.deep.equal([bad]);
  });
});
