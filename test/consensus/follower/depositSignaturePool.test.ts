import type { Worker } from "node:worker_threads";
import { expect } from "chai";
import {
  type DepositDataValue,
  DepositSignaturePool,
  FollowerError,
  verifyDepositSignatures,
} from "../../../consensus/follower/index.js";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { DEPOSIT_DOMAIN, FORK_VERSION, signedDeposit, testKey } from "./support/deposits.js";

const keys = Array.from({ length: 150 }, (_, i) => testKey(`pool-${i}`));

/** Valid deposits with a few broken ones: wrong message, a key off the curve, infinity key and signature. */
function mixedDeposits(): { deposits: DepositDataValue[]; truth: boolean[] } {
  const deposits: DepositDataValue[] = [];
  const truth: boolean[] = [];
  for (const [i, k] of keys.entries()) {
    const bad = i % 37 === 5;
    deposits.push(signedDeposit(k, 32e9, { badSignature: bad }));
    truth.push(!bad);
  }
  const infinity = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0xc0 : 0));
  const offCurve = new Uint8Array(48).fill(0xff);
  offCurve[0] = 0x9f;
  deposits[3] = { ...deposits[3], pubkey: offCurve };
  deposits[70] = { ...deposits[70], pubkey: infinity(48) };
  deposits[71] = { ...deposits[71], signature: infinity(96) };
  // amount changed after signing: the message no longer matches
  deposits[140] = { ...deposits[140], amount: deposits[140].amount + 1 };
  for (const i of [3, 70, 71, 140]) truth[i] = false;
  return { deposits, truth };
}

describe("consensus/follower DepositSignaturePool (proof-of-possession checks on worker threads)", function () {
  this.timeout(60_000);
  let pool: DepositSignaturePool;
  before(async () => {
    pool = await DepositSignaturePool.start({ genesisForkVersion: FORK_VERSION, workers: 2 });
  });
  after(async () => {
    await pool.close();
  });

  it("gives exactly the in-thread answer: every invalid signature found, every valid one accepted", async () => {
    const { deposits, truth } = mixedDeposits();
    expect(verifyDepositSignatures(bls, DEPOSIT_DOMAIN, deposits)).to.deep.equal(truth);
    expect(await pool.verify(deposits)).to.deep.equal(truth);
    expect(await pool.verify([])).to.deep.equal([]);
  });

  it("answers concurrent calls each in its own order", async () => {
    const { deposits, truth } = mixedDeposits();
    const reversed = [...deposits].reverse();
    const [a, b, c] = await Promise.all([
      pool.verify(deposits),
      pool.verify(reversed),
      pool.verify(deposits.slice(60, 75)),
    ]);
    expect(a).to.deep.equal(truth);
    expect(b).to.deep.equal([...truth].reverse());
    expect(c).to.deep.equal(truth.slice(60, 75));
  });

  it("refuses deposits with wrong field lengths with a typed error, checking nothing", async () => {
    const { deposits } = mixedDeposits();
    const short = { ...deposits[0], signature: deposits[0].signature.subarray(0, 95) };
    const error = await pool.verify([deposits[1], short]).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FollowerError);
    expect((error as FollowerError).code).to.equal("MALFORMED_DEPOSIT_LOG");
    expect(await pool.verify(deposits.slice(0, 4))).to.deep.equal(mixedDeposits().truth.slice(0, 4));
  });

  it("replaces a worker that dies: its chunk fails with a typed error, later calls are answered in full", async () => {
    const own = await DepositSignaturePool.start({ genesisForkVersion: FORK_VERSION, workers: 2 });
    try {
      const { deposits, truth } = mixedDeposits();
      // Reaching into the pool: a worker thread that exits, as a crash of the native code would make it.
      const threads = (own as unknown as { workers: { worker: Worker; state: string }[] }).workers;
      const dead = threads[0].worker;
      const pending = own.verify(deposits);
      await dead.terminate();
      const error = await pending.catch((e: unknown) => e);
      if (error instanceof Error) expect((error as FollowerError).code).to.equal("SIGNATURE_WORKER_FAILED");
      else expect(error).to.deep.equal(truth); // the dead worker had already answered its chunk
      expect(await own.verify(deposits)).to.deep.equal(truth); // the other worker goes on meanwhile
      for (let waited = 0; threads[0].state !== "ready" && waited < 20_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(threads[0].state).to.equal("ready");
      expect(threads[0].worker).to.not.equal(dead); // a new thread took the slot
      expect(await own.verify(deposits)).to.deep.equal(truth);
    } finally {
      await own.close();
    }
  });

  it("refuses work once closed, with a typed error", async () => {
    const closed = await DepositSignaturePool.start({ genesisForkVersion: FORK_VERSION, workers: 1 });
    await closed.close();
    const error = await closed.verify(mixedDeposits().deposits.slice(0, 2)).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FollowerError);
    expect((error as FollowerError).code).to.equal("SIGNATURE_WORKER_FAILED");
  });
});
