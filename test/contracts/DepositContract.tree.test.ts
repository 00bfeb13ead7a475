// The contract's deposit root against independent computations: the EIP-4881 vectors (512 deposits), a fast-check
// property over >= 1000 random single and batch deposits (SSZ hash_tree_root(List[DepositData, 2**32]) after every
// step), and batch of N == N singles (same root, same logs).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { hexlify } from "ethers";
import fc from "fast-check";
import { parse } from "yaml";
import {
  BTCC,
  DepositListModel,
  deployDepositContract,
  GWEI,
  littleEndian64,
  makeDeposit,
  mined,
  rawLogs,
  sendBatch,
  sendDeposit,
  type TestDeposit,
} from "./depositFixtures.js";

const VECTORS = path.resolve(import.meta.dirname, "../..", "../shared/vectors/deposit-tree/eip4881_test_cases.yaml");

interface Eip4881Case {
  deposit_data: { pubkey: string; withdrawal_credentials: string; amount: string; signature: string };
  deposit_data_root: string;
  eth1_data: { deposit_root: string; deposit_count: string };
}

describe("DepositContract: deposit tree", () => {
  it("gives the EIP-4881 vectors' deposit root after each of their 512 deposits", async () => {
    const cases = parse(readFileSync(VECTORS, "utf8")) as Eip4881Case[];
    expect(cases).to.have.length(512);
    const { contract } = await deployDepositContract();
    for (const c of cases) {
      const d = makeDeposit({
        pubkey: Buffer.from(c.deposit_data.pubkey.slice(2), "hex"),
        withdrawalCredentials: Buffer.from(c.deposit_data.withdrawal_credentials.slice(2), "hex"),
        signature: Buffer.from(c.deposit_data.signature.slice(2), "hex"),
        amountGwei: BigInt(c.deposit_data.amount),
      });
      expect(hexlify(d.root)).to.equal(c.deposit_data_root);
      await mined(sendDeposit(contract, d));
      expect(await contract.get_deposit_root()).to.equal(c.eth1_data.deposit_root);
      expect(await contract.get_deposit_count()).to.equal(littleEndian64(BigInt(c.eth1_data.deposit_count)));
    }
  });

  it("matches hash_tree_root(List[DepositData, 2**32]) after every step of >= 1000 random single and batch deposits", async () => {
    // Amounts from 1 BTCC to 2**53-1 gwei (exact as the SDK's UintNum64); keys, credentials and signatures random.
    const depositArb = fc
      .record({
        pubkey: fc.uint8Array({ minLength: 48, maxLength: 48 }),
        withdrawalCredentials: fc.uint8Array({ minLength: 32, maxLength: 32 }),
        signature: fc.uint8Array({ minLength: 96, maxLength: 96 }),
        amountGwei: fc.bigInt({ min: BTCC / GWEI, max: BigInt(Number.MAX_SAFE_INTEGER) }),
      })
      .map((fields) => makeDeposit(fields));
    // Each step: a single deposit (size 0) or a batch of 1..12 deposits, taken in order from the deposits.
    const stepArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(depositArb, { minLength: 1000, maxLength: 1100 }),
        fc.array(stepArb, { minLength: 1, maxLength: 64 }),
        async (deposits, steps) => {
          const { contract } = await deployDepositContract();
          const model = new DepositListModel();
          let next = 0;
          for (let step = 0; next < deposits.length; step++) {
            const size = steps[step % steps.length];
            const group = deposits.slice(next, next + Math.max(size, 1));
            next += group.length;
            await mined(size === 0 ? sendDeposit(contract, group[0]) : sendBatch(contract, group));
            for (const d of group) model.push(d);
            expect(await contract.get_deposit_root()).to.equal(model.root());
            expect(await contract.get_deposit_count()).to.equal(littleEndian64(BigInt(model.count)));
          }
        },
      ),
      { numRuns: 2 },
    );
  });

  it("makes a batch of N the same as N single deposits: same root, count and logs", async () => {
    for (const [prefix, n] of [
      [0, 1],
      [0, 7],
      [5, 16],
      [31, 33],
    ]) {
      const before = Array.from({ length: prefix }, () => makeDeposit());
      const deposits: TestDeposit[] = Array.from({ length: n }, (_, i) =>
        makeDeposit({ amountGwei: (BigInt(i) + 1n) * GWEI + 12_345n }),
      );
      const singles = await deployDepositContract();
      const batched = await deployDepositContract();
      for (const d of before) {
        await mined(sendDeposit(singles.contract, d));
        await mined(sendDeposit(batched.contract, d));
      }
      const singleLogs = [];
      for (const d of deposits) singleLogs.push(...rawLogs(await mined(sendDeposit(singles.contract, d))));
      const batchLogs = rawLogs(await mined(sendBatch(batched.contract, deposits)));
      expect(batchLogs).to.have.length(n);
      expect(batchLogs).to.deep.equal(singleLogs);
      expect(await batched.contract.get_deposit_root()).to.equal(await singles.contract.get_deposit_root());
      expect(await batched.contract.get_deposit_count()).to.equal(await singles.contract.get_deposit_count());
      // And every later single deposit goes on from the same tree state.
      const after = makeDeposit();
      await mined(sendDeposit(singles.contract, after));
      await mined(sendDeposit(batched.contract, after));
      expect(await batched.contract.get_deposit_root()).to.equal(await singles.contract.get_deposit_root());
    }
  });
});
