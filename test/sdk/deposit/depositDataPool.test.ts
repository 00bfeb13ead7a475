import { expect } from "chai";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { DepositDataPool, generateDepositDataParallel } from "../../../sdk/deposit/depositDataPool.node.js";
import { DepositError, generateDepositData, toLaunchpadEntry } from "../../../sdk/deposit/index.js";
import { BTC20_TESTNET } from "../../../sdk/networks/index.js";

describe("sdk/deposit DepositDataPool (worker threads)", () => {
  const input = {
    seed: new Uint8Array(64).fill(5),
    network: BTC20_TESTNET,
    startIndex: 3,
    count: 70, // three jobs of up to 32, spread over the workers
    withdrawalAddress: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
  };

  it("gives exactly what generateDepositData gives, in index order, with progress", async () => {
    const expected = generateDepositData({ ...input, bls });
    const progress: number[] = [];
    const actual = await generateDepositDataParallel(input, { workers: 2, onProgress: (done) => progress.push(done) });
    expect(actual.map((v) => v.index)).to.deep.equal(expected.map((v) => v.index));
    expect(actual.map((v) => toLaunchpadEntry(v.deposit))).to.deep.equal(
      expected.map((v) => toLaunchpadEntry(v.deposit)),
    );
    expect(actual.map((v) => Buffer.from(v.signingSecretKey).toString("hex"))).to.deep.equal(
      expected.map((v) => Buffer.from(v.signingSecretKey).toString("hex")),
    );
    expect(progress.at(-1)).to.equal(70);
  });

  it("reports a worker's coded failure and stays usable (late replies of the failed call are ignored)", async () => {
    const pool = await DepositDataPool.start(2);
    try {
      try {
        await pool.generate({ ...input, count: 100, withdrawalAddress: "0xnot-an-address" });
        expect.fail("expected a failure");
      } catch (e) {
        expect(e).to.be.instanceOf(DepositError);
        expect((e as DepositError).code).to.equal("BAD_WITHDRAWAL_ADDRESS");
        expect((e as Error).message).to.match(/not an execution address/);
      }
      const [again] = await pool.generate({ ...input, count: 1 });
      expect(again!.index).to.equal(input.startIndex);
    } finally {
      await pool.close();
    }
  });
});
