// Range sync and by-root lookups over the simulated network (deterministic, no sockets): a node at genesis catches up
// with a 4-epoch chain from two peers, one of which serves broken batches and is penalized; a missing parent is
// fetched by root and the held child imported with it.
import { expect } from "chai";
import { BeaconBlocksByRangeRequest } from "../../../../consensus/network/reqresp/types.js";
import { ChainService } from "../../../../consensus/node/chain/chainService.js";
import { toRootHex } from "../../../../consensus/node/chain/rootHex.js";
import { Scheduler } from "../../../../consensus/node/clock/scheduler.js";
import { SlotClock } from "../../../../consensus/node/clock/slotClock.js";
import { BlockLookup } from "../../../../consensus/node/network/blockLookup.js";
import { allSubnetsMetadata, forkDigestOf, localStatus } from "../../../../consensus/node/network/localStatus.js";
import { PeerManager } from "../../../../consensus/node/network/peerManager.js";
import { RangeSync } from "../../../../consensus/node/network/rangeSync.js";
import { registerReqRespHandlers } from "../../../../consensus/node/network/reqRespHandlers.js";
import { SimNetwork } from "../../../../consensus/node/network/simNetwork.js";
import { NodeChainView } from "../../../../consensus/node/nodeChainView.js";
import { NodeDb } from "../../../../consensus/node/storage/nodeDb.js";
import type { BeaconState } from "../../../../consensus/types/index.js";
import { createDevnetConfig } from "../../../../scripts/devnet/devnetParams.js";
import { genesisFromDeposits } from "../../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../../scripts/devnet/keys.js";
import { devnetDepositData } from "../../../../scripts/devnet/runScenario.js";
import { createDevnetNodes } from "../../../../scripts/devnet/simulation.js";

describe("consensus/node/network range sync and lookups (SimNetwork)", function () {
  this.timeout(120_000);
  const cfg = createDevnetConfig();
  let source: ChainService;
  let genesis: BeaconState;
  let now: number;

  before(async () => {
    const keys = devnetKeys(0, 16);
    genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(1), 1_800_000_000, devnetDepositData(keys));
    const scheduler = new Scheduler("virtual", genesis.genesisTime - 1);
    // with a database: blocks before finality leave memory but are still served
    const db = new NodeDb(":memory:");
    const { nodes } = createDevnetNodes({ cfg, genesisState: genesis, keys, nodeCount: 1, scheduler, db: () => db });
    nodes[0]!.start();
    now = genesis.genesisTime + 4 * 8 * 3 + 1;
    await scheduler.runUntil(now);
    source = nodes[0]!.chain;
  });

  const setup = () => {
    const net = new SimNetwork(new Scheduler("virtual", 0));
    const honest = net.connect("honest");
    const bad = net.connect("bad");
    const me = net.connect("me");
    const digest = forkDigestOf(source);
    registerReqRespHandlers({
      network: honest,
      chain: source,
      forkDigest: digest,
      metadata: () => allSubnetsMetadata(1n),
    });
    // the bad peer answers every range with the honest blocks in reverse order
    bad.handle("beacon_blocks_by_range", async function* (body) {
      const chunks = await honest.serve("beacon_blocks_by_range", body, "bad");
      yield* chunks.reverse();
    });
    const chain = new ChainService({ cfg, anchorState: genesis, now: () => now });
    chain.onTick(now);
    return { net, me, chain, digest };
  };

  it("syncs a node at genesis to the peers' head in batches, penalizing the peer that serves a broken batch", async () => {
    const { me, chain, digest } = setup();
    const status = localStatus(source, digest);
    const statuses = new Map([
      ["bad", status],
      ["honest", status],
    ]);
    const sync = new RangeSync({
      network: me,
      chain,
      statuses,
      currentSlot: () => Math.floor((now - genesis.genesisTime) / cfg.SECONDS_PER_SLOT),
    });
    expect(chain.headState().slot).to.equal(0);
    // /eth/v1/node/syncing tells the truth while range sync runs
    const view = new NodeChainView(
      cfg,
      chain,
      new SlotClock(
        new Scheduler("virtual", genesis.genesisTime),
        genesis.genesisTime,
        cfg.SECONDS_PER_SLOT,
        cfg.SLOTS_PER_EPOCH,
      ),
    );
    view.setSyncSource(() => ({ isSyncing: sync.isSyncing, targetSlot: sync.targetSlot }));
    const running = sync.maybeStart();
    expect(view.syncStatus().isSyncing).to.equal(true);
    expect(view.syncStatus().syncDistance).to.equal(source.headState().slot);
    await running;
    expect(sync.isSyncing).to.equal(false);
    expect(view.syncStatus()).to.deep.equal({ headSlot: source.headState().slot, syncDistance: 0, isSyncing: false });
    expect(chain.headRoot).to.equal(source.headRoot);
    expect(sync.imported).to.be.at.least(30);
    expect(chain.headState().finalizedCheckpoint.epoch).to.equal(source.headState().finalizedCheckpoint.epoch);
    expect(me.peerScore("bad")).to.be.lessThan(0);
    expect(me.peerScore("honest")).to.equal(0);
  });

  it("serves beacon_blocks_by_range from the canonical chain and refuses count > MAX_REQUEST_BLOCKS", async () => {
    const { me } = setup();
    const req = (startSlot: number, count: number) =>
      me.request(
        "honest",
        "beacon_blocks_by_range",
        BeaconBlocksByRangeRequest.serialize({ startSlot, count, step: 1 }),
      );
    const blocks = (await req(5, 4)).map((c) => cfg.types.SignedBeaconBlock.deserialize(c).message.slot);
    expect(blocks.every((s) => s >= 5 && s < 9)).to.equal(true);
    expect(blocks).to.deep.equal([...blocks].sort((a, b) => a - b));
    const err = await req(0, 1025).catch((e) => e);
    expect(err.resultCode).to.equal(1);
  });

  it("fetches an unknown parent chain by root and imports the held child", async () => {
    const { me, chain } = setup();
    // give the new node the chain up to some slot, then show it the head block only
    const head = source.getBlock(source.headRoot)!;
    chain.importBlock(head); // held: parent unknown
    expect(chain.hasBlock(source.headRoot)).to.equal(false);
    const lookup = new BlockLookup({ network: me, chain, importBlock: (b) => chain.importBlock(b) });
    // a chain longer than MAX_LOOKUP_DEPTH asks range sync to take over; here the gap is a few blocks
    const parents = [...source.canonicalBlocksBack(head.message.slot - 6)].map((b) => b.root).reverse();
    for (const root of [...source.canonicalBlocksBack(1)].map((b) => b.root).reverse()) {
      if (parents.includes(root)) break;
      chain.importBlock(source.getBlock(root) ?? cfg.types.SignedBeaconBlock.deserialize(source.getBlockSsz(root)!));
    }
    await lookup.lookup(toRootHex(head.message.parentRoot), "honest");
    expect(chain.hasBlock(source.headRoot)).to.equal(true);
  });

  it("status handshake: a peer is relevant only on our fork digest with our finalized checkpoint; ping fetches newer MetaData", async () => {
    const { me, chain, digest } = setup();
    const pm = new PeerManager({ network: me, chain, forkDigest: digest, localSeq: () => 1n });
    const status = await pm.requestStatus("honest");
    expect(status?.headSlot).to.equal(source.headState().slot);
    expect(pm.statuses.has("honest")).to.equal(true);
    expect(pm.relevance({ ...status!, forkDigest: Uint8Array.of(9, 9, 9, 9) }).ok).to.equal(false);
    // a peer whose finalized checkpoint (at or before ours) is another block
    const ours = source.headState().finalizedCheckpoint;
    const pmSource = new PeerManager({ network: me, chain: source, forkDigest: digest });
    expect(
      pmSource.relevance({ ...status!, finalizedEpoch: ours.epoch, finalizedRoot: new Uint8Array(32).fill(4) }).ok,
    ).to.equal(false);
    expect(pmSource.relevance({ ...status!, finalizedEpoch: ours.epoch, finalizedRoot: ours.root }).ok).to.equal(true);
    await pm.ping("honest");
    expect(pm.metadata.get("honest")?.attnets.getTrueBitIndexes().length).to.equal(64);
  });
});

describe("consensus/node/network range sync in segments (SimNetwork)", function () {
  this.timeout(120_000);
  const cfg = createDevnetConfig();

  it("a peer serving a block with a bad signature in its batches is penalized; those batches come from the honest peer, and the node reaches the head", async () => {
    const keys = devnetKeys(0, 16);
    const genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(2), 1_800_000_000, devnetDepositData(keys));
    const scheduler = new Scheduler("virtual", genesis.genesisTime - 1);
    const db = new NodeDb(":memory:");
    const { nodes } = createDevnetNodes({ cfg, genesisState: genesis, keys, nodeCount: 1, scheduler, db: () => db });
    nodes[0]!.start();
    // 26 epochs: four batches of 64 slots, so that several are imported as one segment
    const now = genesis.genesisTime + 26 * 8 * 3 + 1;
    await scheduler.runUntil(now);
    const source = nodes[0]!.chain;
    expect(source.headState().slot).to.be.greaterThan(3 * 64);

    const net = new SimNetwork(new Scheduler("virtual", 0));
    const honest = net.connect("honest");
    const liar = net.connect("liar");
    const me = net.connect("me");
    registerReqRespHandlers({
      network: honest,
      chain: source,
      forkDigest: forkDigestOf(source),
      metadata: () => allSubnetsMetadata(1n),
    });
    // the liar serves the honest blocks, the tenth of each batch signed over by another block's signature
    let tampered = 0;
    liar.handle("beacon_blocks_by_range", async function* (body) {
      const chunks = await honest.serve("beacon_blocks_by_range", body, "liar");
      for (const [i, chunk] of chunks.entries()) {
        if (i !== 9) {
          yield chunk;
          continue;
        }
        const block = cfg.types.SignedBeaconBlock.deserialize(chunk);
        block.signature = cfg.types.SignedBeaconBlock.deserialize(chunks[0]!).signature;
        tampered++;
        yield cfg.types.SignedBeaconBlock.serialize(block);
      }
    });
    const chain = new ChainService({ cfg, anchorState: genesis, now: () => now });
    chain.onTick(now);
    const status = localStatus(source, forkDigestOf(source));
    const sync = new RangeSync({
      network: me,
      chain,
      statuses: new Map([
        ["liar", status],
        ["honest", status],
      ]),
      currentSlot: () => Math.floor((now - genesis.genesisTime) / cfg.SECONDS_PER_SLOT),
    });
    await sync.maybeStart();
    expect(tampered).to.be.at.least(1);
    expect(chain.headRoot).to.equal(source.headRoot);
    expect(me.peerScore("liar")).to.be.lessThan(0);
    expect(me.peerScore("honest")).to.equal(0);
    db.close();
  });
});
