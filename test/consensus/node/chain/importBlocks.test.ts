// ChainService.importBlocks (range sync's segment import: state transitions with signatures deferred, one batch
// verification, then one commit) against importBlock one by one, on a 4-epoch devnet chain built in virtual time:
// the same head and the same states; a bad block in the middle of a segment is rejected with its rule named, the
// blocks before it are imported and nothing after it is committed (memory or database).
import { expect } from "chai";
import { BlsVerifierPool } from "../../../../consensus/node/chain/blsVerifierPool.js";
import { ChainError, ChainService, type SignatureSetsVerifier } from "../../../../consensus/node/chain/chainService.js";
import type { RootHex } from "../../../../consensus/node/chain/rootHex.js";
import { toRootHex } from "../../../../consensus/node/chain/rootHex.js";
import { Scheduler } from "../../../../consensus/node/clock/scheduler.js";
import { NodeDb } from "../../../../consensus/node/storage/nodeDb.js";
import { getDomain } from "../../../../consensus/state-transition/accessors/getDomain.js";
import { computeEpochAtSlot } from "../../../../consensus/state-transition/misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../../../../consensus/state-transition/misc/computeSigningRoot.js";
import type { BeaconState, SignedBeaconBlock } from "../../../../consensus/types/index.js";
import type { ValidatorKey } from "../../../../consensus/validator/keystores.js";
import { createDevnetConfig } from "../../../../scripts/devnet/devnetParams.js";
import { genesisFromDeposits } from "../../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../../scripts/devnet/keys.js";
import { devnetDepositData } from "../../../../scripts/devnet/runScenario.js";
import { createDevnetNodes } from "../../../../scripts/devnet/simulation.js";
import { bls } from "../../../../sdk/crypto/bls/index.js";

describe("consensus/node/chain ChainService.importBlocks (segment import)", function () {
  this.timeout(120_000);
  const cfg = createDevnetConfig();
  let genesis: BeaconState;
  let keys: ValidatorKey[];
  let blocks: SignedBeaconBlock[];
  let sourceHead: RootHex;
  let now: number;

  before(async () => {
    keys = devnetKeys(0, 16);
    genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(3), 1_800_000_000, devnetDepositData(keys));
    const scheduler = new Scheduler("virtual", genesis.genesisTime - 1);
    const sourceDb = new NodeDb(":memory:"); // blocks before finality leave memory, not the database
    const { nodes } = createDevnetNodes({
      cfg,
      genesisState: genesis,
      keys,
      nodeCount: 1,
      scheduler,
      db: () => sourceDb,
    });
    nodes[0]!.start();
    now = genesis.genesisTime + 4 * 8 * 3 + 1;
    await scheduler.runUntil(now);
    const source = nodes[0]!.chain;
    sourceHead = source.headRoot;
    pool = await BlsVerifierPool.start({ workers: 1 });
    blocks = [...source.canonicalBlocksBack(1)]
      .reverse()
      .map((b) => source.getBlock(b.root) ?? cfg.types.SignedBeaconBlock.deserialize(source.getBlockSsz(b.root)!));
  });

  let pool: BlsVerifierPool;
  after(async () => pool?.close());
  const freshChain = (db?: NodeDb, verifySignatureSets?: SignatureSetsVerifier) => {
    const chain = new ChainService({ cfg, anchorState: genesis, now: () => now, db, verifySignatureSets });
    chain.onTick(now);
    return chain;
  };
  const rootOf = (b: SignedBeaconBlock) => toRootHex(cfg.types.BeaconBlock.hashTreeRoot(b.message));
  const stateRoot = (s: BeaconState) => toRootHex(cfg.types.BeaconState.hashTreeRoot(s));
  /** the block re-signed by its proposer after `edit` (so that only the edited rule can fail) */
  const resigned = (b: SignedBeaconBlock, edit: (m: SignedBeaconBlock["message"]) => void): SignedBeaconBlock => {
    const copy = cfg.types.SignedBeaconBlock.clone(b);
    edit(copy.message);
    const epoch = computeEpochAtSlot(cfg, copy.message.slot);
    const domain = getDomain(cfg, genesis, cfg.DOMAIN_BEACON_PROPOSER, epoch);
    copy.signature = bls.sign(
      keys[copy.message.proposerIndex]!.secretKey,
      computeSigningRoot(cfg.types.BeaconBlock, copy.message, domain),
    );
    return copy;
  };

  for (const on of ["this thread", "a worker thread"]) {
    const verifier = () => (on === "this thread" ? undefined : pool);

    it(`imports segments to the same head and the same states as importBlock one by one (signatures on ${on})`, async () => {
      expect(blocks.length).to.be.at.least(30);
      const one = freshChain();
      for (const b of blocks) one.importBlock(b);
      const db = new NodeDb(":memory:");
      const seg = freshChain(db, verifier());
      for (let i = 0; i < blocks.length; i += 10) {
        const r = await seg.importBlocks(blocks.slice(i, i + 10));
        expect(r.stop).to.equal(null);
        expect(r.imported.map((x) => x.root)).to.deep.equal(blocks.slice(i, i + 10).map(rootOf));
      }
      expect(seg.headRoot).to.equal(sourceHead);
      expect(seg.headRoot).to.equal(one.headRoot);
      expect(seg.forkChoice.finalizedCheckpoint).to.deep.equal(one.forkChoice.finalizedCheckpoint);
      for (const b of blocks) {
        const root = rootOf(b);
        const a = one.blockState(root);
        if (!a) continue; // pruned at finality, in both
        expect(stateRoot(seg.blockState(root)!)).to.equal(stateRoot(a));
      }
      for (const b of blocks) expect(db.getBlock(cfg.types.BeaconBlock.hashTreeRoot(b.message))).to.not.equal(null);
      // a segment already imported is known: imported again as is, nothing new
      const again = await seg.importBlocks(blocks.slice(-5));
      expect(again.stop).to.equal(null);
      expect(again.imported).to.have.length(5);
      db.close();
    });

    const rejectsInTheMiddle = async (bad: SignedBeaconBlock, at: number, rule: string) => {
      const db = new NodeDb(":memory:");
      const chain = freshChain(db, verifier());
      const segment = [...blocks.slice(0, 30)];
      segment[at] = bad;
      const r = await chain.importBlocks(segment);
      expect(r.imported.map((x) => x.root)).to.deep.equal(segment.slice(0, at).map(rootOf));
      expect(r.stop?.index).to.equal(at);
      expect(r.stop?.reason).to.equal("error");
      const error = (r.stop as { error: unknown }).error;
      expect(error).to.be.instanceOf(ChainError);
      expect((error as ChainError).code).to.equal("INVALID_BLOCK");
      expect((error as Error).message).to.contain(rule);
      expect(chain.headRoot).to.equal(rootOf(segment[at - 1]!));
      for (const [i, b] of segment.entries()) {
        const stored = db.getBlock(cfg.types.BeaconBlock.hashTreeRoot(b.message)) !== null;
        expect(chain.hasBlock(rootOf(b)), `block ${i} in memory`).to.equal(i < at);
        expect(stored, `block ${i} in the database`).to.equal(i < at);
      }
      db.close();
    };

    it(`a bad proposer signature in the middle: the good prefix imported, the bad block rejected with its rule, nothing after it (${on})`, async () => {
      const at = 9;
      const bad = cfg.types.SignedBeaconBlock.clone(blocks[at]!);
      bad.signature = blocks[at - 1]!.signature; // a valid point, signing another block
      await rejectsInTheMiddle(bad, at, "INVALID_BLOCK_SIGNATURE");
    });

    it(`a bad state root in the middle (correctly signed): the good prefix imported, INVALID_STATE_ROOT, nothing after it (${on})`, async () => {
      const at = 13;
      const bad = resigned(blocks[at]!, (m) => {
        m.stateRoot = new Uint8Array(32).fill(7);
      });
      await rejectsInTheMiddle(bad, at, "INVALID_STATE_ROOT");
    });
  }

  it("a segment whose first parent is unknown imports nothing and holds the block (as importBlock does)", async () => {
    const chain = freshChain();
    const r = await chain.importBlocks(blocks.slice(5, 10));
    expect(r.imported).to.have.length(0);
    expect(r.stop).to.deep.equal({ index: 0, reason: "unknown_parent" });
    // the held block is imported when its parent arrives
    await chain.importBlocks(blocks.slice(0, 5));
    expect(chain.hasBlock(rootOf(blocks[5]!))).to.equal(true);
  });

  it("a BLS worker that dies mid-segment: that segment is imported block by block with every check, the rest as usual", async () => {
    const dying = await BlsVerifierPool.start({
      workers: 1,
      workerModule: new URL("./fixtures/dyingBlsWorker.ts", import.meta.url),
    });
    try {
      const db = new NodeDb(":memory:");
      const chain = freshChain(db, dying);
      for (let i = 0; i < blocks.length; i += 10) {
        const r = await chain.importBlocks(blocks.slice(i, i + 10));
        expect(r.stop).to.equal(null);
        expect(r.imported.map((x) => x.root)).to.deep.equal(blocks.slice(i, i + 10).map(rootOf));
      }
      expect(dying.size).to.equal(0);
      expect(chain.headRoot).to.equal(sourceHead);
      for (const b of blocks) expect(db.getBlock(cfg.types.BeaconBlock.hashTreeRoot(b.message))).to.not.equal(null);
      db.close();
    } finally {
      await dying.close();
    }
  });
});
