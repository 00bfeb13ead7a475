// BlsVerifierPool: real worker threads verifying packed signature sets with blst; the answers equal the in-thread
// batch check, queued batches can be taken by the calling thread, a closed pool still answers (on this thread), and a
// worker that dies mid-batch costs its batches a "not verified" answer, never a hang or a wrong "valid".
import { expect } from "chai";
import { BlsVerifierPool } from "../../../../consensus/node/chain/blsVerifierPool.js";
import { packSignatureSets, unpackSignatureSets } from "../../../../consensus/node/chain/signatureSetsJob.js";
import type { AggregateSignatureSet } from "../../../../consensus/state-transition/crypto/verifyAggregateSignatureSets.js";
import { bls } from "../../../../sdk/crypto/bls/index.js";

describe("consensus/node/chain BlsVerifierPool", function () {
  this.timeout(60_000);
  const secretKeys = Array.from({ length: 6 }, (_, i) => {
    const sk = new Uint8Array(32);
    sk[31] = i + 1;
    return sk;
  });
  const publicKeys = secretKeys.map((sk) => bls.secretKeyToPublicKey(sk));
  /** set i: signed by key i alone, or (odd i) by keys i and i-1 aggregated */
  const setsOf = (n: number): AggregateSignatureSet[] =>
    Array.from({ length: n }, (_, i) => {
      const message = new Uint8Array(32).fill(i + 1);
      const signers = i % 2 === 1 ? [i % 6, (i - 1) % 6] : [i % 6];
      return {
        publicKeys: signers.map((k) => publicKeys[k]!),
        message,
        signature: bls.aggregateSignatures(signers.map((k) => bls.sign(secretKeys[k]!, message))),
      };
    });

  it("packs and unpacks sets byte for byte, and refuses a key of the wrong length", () => {
    const sets = setsOf(5);
    expect(unpackSignatureSets(packSignatureSets(sets))).to.deep.equal(sets);
    expect(() => packSignatureSets([{ ...sets[0]!, publicKeys: [new Uint8Array(47)] }])).to.throw(RangeError);
  });

  it("verifies batches on a worker: valid sets pass, one tampered set fails its batch only", async () => {
    const pool = await BlsVerifierPool.start({ workers: 1 });
    try {
      expect(pool.size).to.equal(1);
      const good = setsOf(8);
      const tampered = setsOf(8);
      tampered[5] = { ...tampered[5]!, message: new Uint8Array(32) };
      const malformed = [{ ...good[0]!, signature: new Uint8Array(95) }];
      const answers = await Promise.all([
        pool.verify(good),
        pool.verify(tampered),
        pool.verify(good.slice(0, 3)),
        pool.verify(malformed),
      ]);
      expect(answers).to.deep.equal([true, false, true, false]);
    } finally {
      await pool.close();
    }
  });

  it("a worker that dies mid-batch: its batches answer false, the queued and later ones are verified on this thread", async () => {
    const pool = await BlsVerifierPool.start({
      workers: 1,
      workerModule: new URL("./fixtures/dyingBlsWorker.ts", import.meta.url),
    });
    expect(pool.size).to.equal(1);
    const bad = setsOf(4);
    bad[1] = { ...bad[1]!, message: new Uint8Array(32) };
    // two go to the worker (lost with it: "not verified", the caller then checks each block); two wait in the queue
    const answers = await Promise.all([
      pool.verify(setsOf(4)),
      pool.verify(setsOf(4)),
      pool.verify(setsOf(2)),
      pool.verify(bad),
    ]);
    expect(answers).to.deep.equal([false, false, true, false]);
    expect(pool.size).to.equal(0);
    expect(await pool.verify(setsOf(3))).to.equal(true);
    expect(await pool.verify(bad)).to.equal(false);
    await pool.close();
  });

  it("a worker module that exits before it is ready: no worker, batches verified on this thread", async () => {
    const pool = await BlsVerifierPool.start({
      workers: 1,
      workerModule: new URL("data:text/javascript,process.exit(70)"),
    });
    expect(pool.size).to.equal(0);
    expect(await pool.verify(setsOf(3))).to.equal(true);
    await pool.close();
  });

  it("the calling thread takes queued batches (verifyOneHere); a closed pool verifies on the calling thread", async () => {
    const pool = await BlsVerifierPool.start({ workers: 1 });
    const bad = setsOf(4);
    bad[0] = { ...bad[0]!, signature: setsOf(4)[2]!.signature };
    // two go to the worker at once; the rest wait in the queue for it or for this thread
    const answers = [pool.verify(setsOf(4)), pool.verify(setsOf(4)), pool.verify(bad), pool.verify(setsOf(2))];
    let here = 0;
    while (pool.verifyOneHere()) here++;
    expect(here).to.equal(2);
    expect(await Promise.all(answers)).to.deep.equal([true, true, false, true]);
    await pool.close();
    expect(pool.verifyOneHere()).to.equal(false);
    expect(await pool.verify(setsOf(3))).to.equal(true);
    expect(await pool.verify(bad)).to.equal(false);
  });
});
