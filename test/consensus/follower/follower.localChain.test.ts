import { expect } from "chai";
import { getBytes } from "ethers";
import {
  DepositFollower,
  DepositSignaturePool,
  FollowerError,
  FollowerStore,
} from "../../../consensus/follower/index.js";
import { depositTreeSnapshotType } from "../../../sdk/deposit-tree/index.js";
import { DepositData } from "../../../sdk/ssz/index.js";
import { isValidMerkleBranch } from "../../sdk/deposit-tree/isValidMerkleBranch.js";
import { FORK_VERSION, sendBatch, sendDeposit, signedDeposit, testKey } from "./support/deposits.js";
import { FOLLOW_DISTANCE, openFollower, tempDataDir } from "./support/followerHarness.js";
import { type LocalChain, startLocalChain } from "./support/localChain.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const FULL = 1_000_000_000_000; // 1000 BTCC in gwei
const keys = Array.from({ length: 12 }, (_, i) => testKey(`local-${i}`));

async function contractState(chain: LocalChain) {
  const root = getBytes(await chain.contract.get_deposit_root());
  const countBytes = getBytes(await chain.contract.get_deposit_count());
  const count = Number(new DataView(countBytes.buffer, countBytes.byteOffset, 8).getBigUint64(0, true));
  return { root, count };
}

describe("consensus/follower against a real JSON-RPC node (Hardhat server on 127.0.0.1)", function () {
  this.timeout(60_000);
  let chain: LocalChain;
  const dirs: { remove(): void }[] = [];
  const newDir = () => {
    const d = tempDataDir();
    dirs.push(d);
    return d.dir;
  };

  beforeEach(async () => {
    chain = await startLocalChain();
  });
  afterEach(async () => {
    await chain.close();
  });
  after(() => {
    for (const d of dirs) d.remove();
  });

  it("reads single and batch deposits, matches the contract's root, and gives valid proofs at historical counts", async () => {
    const h = openFollower(chain, newDir());
    try {
      for (const k of keys.slice(0, 3)) await sendDeposit(chain.contract, signedDeposit(k, FULL));
      const afterSingles = await chain.blockNumber();
      // a batch: four new keys and a top-up of key 0
      await sendBatch(chain.contract, [
        ...keys.slice(3, 7).map((k) => signedDeposit(k, FULL)),
        signedDeposit(keys[0], 5e9),
      ]);
      await chain.mine(FOLLOW_DISTANCE);
      const step = await h.follower.syncToHead();
      expect(step.caughtUp).to.equal(true);
      expect(h.follower.depositCount).to.equal(8);
      const onChain = await contractState(chain);
      expect(onChain.count).to.equal(8);
      expect(hex(h.follower.depositRoot())).to.equal(hex(onChain.root));

      // every stored deposit decodes to what was sent, in order
      const stored = h.store.getDeposits(0, 100);
      expect(stored.map((d) => d.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(stored.map((d) => d.outcome)).to.deep.equal([...Array(7).fill("new_validator"), "top_up"]);
      expect(hex(stored[7].depositData.pubkey)).to.equal(hex(keys[0].pubkey));
      for (const d of stored) expect(hex(DepositData.hashTreeRoot(d.depositData))).to.equal(hex(d.depositDataRoot));

      // eth1 data of the block after the singles: 3 deposits; proofs against it verify
      const [eth1AtSingles] = h.follower
        .getEth1Blocks(0, Number.MAX_SAFE_INTEGER)
        .filter((b) => b.blockNumber === afterSingles);
      expect(eth1AtSingles.depositCount).to.equal(3);
      const deposits = h.follower.getDepositsForBlock(eth1AtSingles, 1, 16);
      expect(deposits).to.have.length(2);
      for (const [k, d] of deposits.entries()) {
        const leaf = DepositData.hashTreeRoot(d.data);
        expect(isValidMerkleBranch(leaf, d.proof, 33, 1 + k, eth1AtSingles.depositRoot)).to.equal(true);
      }
      // MAX_DEPOSITS caps, and a root the tree does not reproduce is refused
      const latest = h.follower.getEth1Blocks(0, Number.MAX_SAFE_INTEGER).at(-1)!;
      expect(h.follower.getDepositsForBlock(latest, 0, 4)).to.have.length(4);
      const wrong = { ...latest, depositRoot: eth1AtSingles.depositRoot };
      expect(() => h.follower.getDepositsForBlock(wrong, 0, 16))
        .to.throw(FollowerError)
        .with.property("code", "DEPOSIT_ROOT_MISMATCH");

      // registry view: pending relative to a state that has processed 2 deposits
      expect(h.follower.registry.getPubkeyStatus(keys[1].pubkey, 2)).to.equal(null);
      const k0 = h.follower.registry.getPubkeyStatus(keys[0].pubkey, 2)!;
      expect(k0.status).to.equal("deposit_pending");
      expect(k0.deposits.map((d) => d.index)).to.deep.equal([7]);
      expect(h.follower.registry.pendingDeposits(5).map((d) => d.index)).to.deep.equal([5, 6, 7]);
      const byIndex = h.follower.registry.getDeposit(7)!;
      expect(hex(byIndex.pubkey)).to.equal(hex(keys[0].pubkey));
      expect([byIndex.amountGwei, byIndex.outcome]).to.deep.equal([5e9, "top_up"]);
      expect(h.follower.registry.getDeposit(8)).to.equal(null);
    } finally {
      await h.close();
    }
  });

  it("skips and reports a new key with an invalid proof of possession; credits a top-up without a signature check", async () => {
    const h = openFollower(chain, newDir());
    try {
      await sendDeposit(chain.contract, signedDeposit(keys[0], FULL, { badSignature: true })); // 0: skipped
      await sendDeposit(chain.contract, signedDeposit(keys[1], FULL)); // 1: new validator
      await sendDeposit(chain.contract, signedDeposit(keys[1], 2e9, { badSignature: true })); // 2: top-up, no check
      await sendDeposit(chain.contract, signedDeposit(keys[0], FULL)); // 3: key 0 again, valid now
      await chain.mine(FOLLOW_DISTANCE);
      // two callers at once: steps are serialized, nothing is read or stored twice
      await Promise.all([h.follower.syncToHead(), h.follower.syncToHead()]);
      const outcomes = h.store.getDeposits(0, 10).map((d) => d.outcome);
      expect(outcomes).to.deep.equal(["invalid_signature", "new_validator", "top_up", "new_validator"]);
      const invalid = h.follower.registry.invalidDeposits();
      expect(invalid.map((d) => d.index)).to.deep.equal([0]);
      expect(hex(invalid[0].pubkey)).to.equal(hex(keys[0].pubkey));
      // the skipped deposit still sits in the tree: the contract counted it
      expect(h.follower.depositCount).to.equal(4);
      expect(hex(h.follower.depositRoot())).to.equal(hex((await contractState(chain)).root));
      expect(h.follower.registry.pendingDeposits(0).map((d) => d.index)).to.deep.equal([1, 2, 3]);
    } finally {
      await h.close();
    }
  });

  it("with a worker pool and signatures checked ahead across small log ranges: the same outcomes, in index order", async () => {
    const pool = await DepositSignaturePool.start({ genesisForkVersion: FORK_VERSION, workers: 2 });
    const h = openFollower(chain, newDir(), {
      follower: { signatureVerifier: pool, logsBlockRange: { min: 1, max: 1, initial: 1 } },
    });
    try {
      // one block per eth_getLogs, so block n+1's signatures are checked while block n is processed
      await sendBatch(chain.contract, [
        signedDeposit(keys[0], FULL, { badSignature: true }), // 0: skipped
        signedDeposit(keys[1], FULL), // 1: new
        signedDeposit(keys[2], FULL), // 2: new
      ]);
      await sendBatch(chain.contract, [
        signedDeposit(keys[0], FULL), // 3: key 0 again, valid now (checked ahead while block 1 was processed)
        signedDeposit(keys[1], 1e9, { badSignature: true }), // 4: top-up of a validator of the previous block
        signedDeposit(keys[3], FULL, { badSignature: true }), // 5: skipped
        signedDeposit(keys[3], FULL), // 6: key 3 again in the same block: valid
      ]);
      await sendBatch(chain.contract, [
        signedDeposit(keys[3], 2e9, { badSignature: true }), // 7: top-up
        signedDeposit(keys[4], FULL), // 8: new
      ]);
      await chain.mine(FOLLOW_DISTANCE);
      await h.follower.syncToHead();
      expect(h.store.getDeposits(0, 20).map((d) => d.outcome)).to.deep.equal([
        "invalid_signature",
        "new_validator",
        "new_validator",
        "new_validator",
        "top_up",
        "invalid_signature",
        "new_validator",
        "top_up",
        "new_validator",
      ]);
      expect(h.follower.registry.invalidDeposits().map((d) => d.index)).to.deep.equal([0, 5]);
      expect(hex(h.follower.depositRoot())).to.equal(hex((await contractState(chain)).root));
    } finally {
      await h.close();
      await pool.close();
    }
  });

  it("a new instance on the same database resumes without losing or repeating a deposit", async () => {
    const dir = newDir();
    let h = openFollower(chain, dir, { follower: { logsBlockRange: { min: 1, max: 2, initial: 2 } } });
    for (const k of keys.slice(0, 4)) await sendDeposit(chain.contract, signedDeposit(k, FULL));
    await chain.mine(FOLLOW_DISTANCE);
    await h.follower.syncStep(); // only part of the way (2 blocks per step)
    const partial = h.follower.depositCount;
    expect(partial).to.be.greaterThan(0).and.lessThan(4);
    await h.close();

    await sendBatch(
      chain.contract,
      keys.slice(4, 9).map((k) => signedDeposit(k, FULL)),
    );
    await chain.mine(FOLLOW_DISTANCE);
    h = openFollower(chain, dir);
    try {
      expect(h.follower.depositCount).to.equal(partial);
      await h.follower.syncToHead();
      const onChain = await contractState(chain);
      expect(h.follower.depositCount).to.equal(onChain.count).and.equal(9);
      expect(hex(h.follower.depositRoot())).to.equal(hex(onChain.root));
      expect(h.store.getDeposits(0, 100).map((d) => d.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await h.close();
    }
  });

  it("detects a reorg below the follow distance, rolls back to the fork point and re-reads", async () => {
    const h = openFollower(chain, newDir());
    try {
      await sendDeposit(chain.contract, signedDeposit(keys[0], FULL));
      await chain.mine(FOLLOW_DISTANCE);
      await h.follower.syncToHead();
      const forkBase = await chain.snapshot();
      // history A: two deposits, followed past the follow distance
      await sendDeposit(chain.contract, signedDeposit(keys[1], FULL));
      await sendDeposit(chain.contract, signedDeposit(keys[2], FULL));
      await chain.mine(FOLLOW_DISTANCE + 2);
      await h.follower.syncToHead();
      expect(h.follower.depositCount).to.equal(3);
      // history B replaces A: three other deposits, a longer chain
      await chain.revert(forkBase);
      await chain.mine(1);
      for (const k of keys.slice(5, 8)) await sendDeposit(chain.contract, signedDeposit(k, 3e9));
      await chain.mine(FOLLOW_DISTANCE + 3);
      const step = await h.follower.syncStep();
      expect(step.reorg).to.equal(true);
      await h.follower.syncToHead();
      const onChain = await contractState(chain);
      expect(h.follower.depositCount).to.equal(4).and.equal(onChain.count);
      expect(hex(h.follower.depositRoot())).to.equal(hex(onChain.root));
      const pubkeys = h.store.getDeposits(0, 10).map((d) => hex(d.depositData.pubkey));
      expect(pubkeys).to.deep.equal([keys[0], keys[5], keys[6], keys[7]].map((k) => hex(k.pubkey)));
      expect(h.follower.registry.getPubkeyStatus(keys[1].pubkey, 0)).to.equal(null);
    } finally {
      await h.close();
    }
  });

  it("a reorg that reaches below the finalized snapshot halts with REORG_BELOW_FINALIZED", async () => {
    const h = openFollower(chain, newDir());
    try {
      const base = await chain.snapshot();
      await sendDeposit(chain.contract, signedDeposit(keys[0], FULL));
      await chain.mine(FOLLOW_DISTANCE + 1);
      await h.follower.syncToHead();
      const eth1 = h.follower.getEth1Blocks(0, Number.MAX_SAFE_INTEGER).find((b) => b.depositCount === 1)!;
      expect(h.follower.finalize(eth1, 1)).to.equal(true);
      await chain.revert(base);
      await sendDeposit(chain.contract, signedDeposit(keys[1], FULL));
      await chain.mine(FOLLOW_DISTANCE + 4);
      const e = await h.follower.syncStep().then(
        () => expect.fail("should halt"),
        (err: unknown) => err,
      );
      expect(e).to.be.instanceOf(FollowerError).with.property("code", "REORG_BELOW_FINALIZED");
      expect(h.follower.depositCount).to.equal(1);
    } finally {
      await h.close();
    }
  });

  it("finalizes into an EIP-4881 snapshot, prunes, and a new database started from the snapshot follows on", async () => {
    const h = openFollower(chain, newDir());
    const dir2 = newDir();
    try {
      for (const k of keys.slice(0, 5)) await sendDeposit(chain.contract, signedDeposit(k, FULL));
      await chain.mine(FOLLOW_DISTANCE);
      await h.follower.syncToHead();
      const eth1 = h.follower.getEth1Blocks(0, Number.MAX_SAFE_INTEGER).find((b) => b.depositCount === 3)!;
      expect(h.follower.finalize(eth1, 2)).to.equal(false); // state has not processed all 3 yet
      expect(h.follower.finalize(eth1, 3)).to.equal(true);
      const snapshot = h.follower.getSnapshot()!;
      expect(snapshot.depositCount).to.equal(3);
      expect(snapshot.executionBlockHeight).to.equal(eth1.blockNumber);
      expect(h.store.getDeposits(0, 100).map((d) => d.index)).to.deep.equal([3, 4]); // pruned below 3
      expect(hex(h.follower.depositRoot())).to.equal(hex((await contractState(chain)).root));
      expect(
        h.follower.getDepositsForBlock(h.follower.getEth1Blocks(0, Number.MAX_SAFE_INTEGER).at(-1)!, 3, 16),
      ).to.have.length(2);

      // export (JSON, as the Beacon API serves it) and start a fresh database from it
      const json = JSON.parse(JSON.stringify(depositTreeSnapshotType().toJson(snapshot)));
      const imported = depositTreeSnapshotType().fromJson(json);
      const store2 = FollowerStore.open(dir2);
      // the state at the snapshot has validators for keys 0..2
      await DepositFollower.initFromSnapshot(
        store2,
        h.provider,
        imported,
        keys.slice(0, 3).map((k) => k.pubkey),
      );
      store2.close();
      for (const k of keys.slice(5, 7)) await sendDeposit(chain.contract, signedDeposit(k, FULL));
      // a top-up of a key created before the snapshot, with a signature that would fail: credited all the same
      await sendDeposit(chain.contract, signedDeposit(keys[1], 1e9, { badSignature: true }));
      await chain.mine(FOLLOW_DISTANCE);
      const h2 = openFollower(chain, dir2);
      try {
        await h2.follower.syncToHead();
        const onChain = await contractState(chain);
        expect(h2.follower.depositCount).to.equal(8).and.equal(onChain.count);
        expect(hex(h2.follower.depositRoot())).to.equal(hex(onChain.root));
        const stored = h2.store.getDeposits(0, 100);
        expect(stored.map((d) => d.index)).to.deep.equal([3, 4, 5, 6, 7]);
        expect(stored.map((d) => d.outcome)).to.deep.equal([...Array(4).fill("new_validator"), "top_up"]);
        const latest = h2.follower.getEth1Blocks(0, Number.MAX_SAFE_INTEGER).at(-1)!;
        const ds = h2.follower.getDepositsForBlock(latest, 3, 16);
        for (const [k, d] of ds.entries()) {
          expect(
            isValidMerkleBranch(DepositData.hashTreeRoot(d.data), d.proof, 33, 3 + k, latest.depositRoot),
          ).to.equal(true);
        }
      } finally {
        await h2.close();
      }
    } finally {
      await h.close();
    }
  });

  it("follows over a WebSocket endpoint too", async () => {
    const h = openFollower(chain, newDir(), { provider: { urls: [chain.wsUrl] } });
    try {
      await sendBatch(
        chain.contract,
        keys.slice(0, 3).map((k) => signedDeposit(k, FULL)),
      );
      await chain.mine(FOLLOW_DISTANCE);
      await h.follower.syncToHead();
      expect(h.follower.depositCount).to.equal(3);
      expect(hex(h.follower.depositRoot())).to.equal(hex((await contractState(chain)).root));
    } finally {
      await h.close();
    }
  });

  it("refuses an endpoint on another chain and falls back to one on the right chain", async () => {
    const other = await startLocalChain(1337);
    try {
      const wrongOnly = openFollower(chain, newDir(), { provider: { urls: [other.url] } });
      try {
        await wrongOnly.follower.syncStep().then(
          () => expect.fail("should refuse"),
          (e) => expect(e).to.be.instanceOf(FollowerError).with.property("code", "WRONG_CHAIN_ID"),
        );
      } finally {
        await wrongOnly.close();
      }
      await sendDeposit(chain.contract, signedDeposit(keys[0], FULL));
      await chain.mine(FOLLOW_DISTANCE);
      const both = openFollower(chain, newDir(), { provider: { urls: [other.url, chain.url] } });
      try {
        await both.follower.syncToHead();
        expect(both.follower.depositCount).to.equal(1);
      } finally {
        await both.close();
      }
    } finally {
      await other.close();
    }
  });
});
