// Storage under --data-dir: a node stopped at any point restarts from the last finalized state in its database and
// replays the blocks stored after it, losing nothing, also when the finalized checkpoint's block comes before its
// epoch's first slot (that slot was empty).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { ChainError, ChainService } from "../../../consensus/node/chain/chainService.js";
import { Scheduler } from "../../../consensus/node/clock/scheduler.js";
import { NodeDb } from "../../../consensus/node/storage/nodeDb.js";
import { computeStartSlotAtEpoch } from "../../../consensus/state-transition/misc/computeStartSlotAtEpoch.js";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { genesisFromDeposits } from "../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { devnetDepositData, runScenario } from "../../../scripts/devnet/runScenario.js";
import { SCENARIOS } from "../../../scripts/devnet/scenarios/index.js";
import { createDevnetNodes } from "../../../scripts/devnet/simulation.js";

describe("consensus/node restart from the database", function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "btc20-restart-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("resumes from the last finalized state with every later block (same head, same finalized checkpoint)", async () => {
    const cfg = createDevnetConfig();
    const file = path.join(dir, "beacon.sqlite");
    const db = new NodeDb(file);
    const run = await runScenario({
      cfg,
      scenario: SCENARIOS.healthy!,
      epochs: 6,
      validators: 8,
      mode: "virtual",
      db: () => db,
    });
    const before = run.ctx.devnet.nodes[0]!.chain;
    const head = before.headRoot;
    const finalized = before.forkChoice.finalizedCheckpoint;
    expect(finalized.epoch).to.equal(4);
    db.close();

    const reopened = new NodeDb(file);
    const now = before.forkChoice.time;
    const after = ChainService.fromDb({ cfg, db: reopened, now: () => now })!;
    expect(after).to.not.equal(null);
    expect(after.headRoot).to.equal(head);
    expect(after.forkChoice.finalizedCheckpoint).to.deep.equal(finalized);
    expect(after.headState().slot).to.equal(before.headState().slot);
    expect(cfg.types.BeaconState.equals(after.headState(), before.headState())).to.equal(true);
    expect(after.genesisRoot).to.equal(before.genesisRoot);
    // genesis stays available for the API
    expect(cfg.types.BeaconState.equals(after.genesisState, before.genesisState)).to.equal(true);
    reopened.close();
  });

  it("resumes when the finalized checkpoint's block comes before the epoch's first slot (empty boundary slots)", async () => {
    // 16 validators, 4 of them offline: their proposals are missing. This chain (fixed keys, eth1 block hash and
    // genesis time) finalizes epoch 7 by the start of epoch 9 with the block of slot 54 (slots 55 and 56 are empty).
    const cfg = createDevnetConfig();
    const keys = devnetKeys(0, 16);
    const genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(3), 1_800_000_000, devnetDepositData(keys));
    const scheduler = new Scheduler("virtual", genesis.genesisTime - 1);
    const file = path.join(dir, "beacon.sqlite");
    const db = new NodeDb(file);
    const { nodes } = createDevnetNodes({
      cfg,
      genesisState: genesis,
      keys,
      nodeCount: 1,
      shares: [12],
      scheduler,
      db: () => db,
    });
    nodes[0]!.start();
    const now = genesis.genesisTime + 9 * cfg.SLOTS_PER_EPOCH * cfg.SECONDS_PER_SLOT + 1;
    await scheduler.runUntil(now);
    const before = nodes[0]!.chain;
    const finalized = before.forkChoice.finalizedCheckpoint;
    const finalizedBlockSlot = before.header(finalized.root)!.message.slot;
    // the case under test: the checkpoint's block sits before the epoch's first slot
    expect(finalizedBlockSlot).to.be.lessThan(computeStartSlotAtEpoch(cfg, finalized.epoch));
    const finalizedState = before.blockState(finalized.root)!;
    db.close();

    const reopened = new NodeDb(file);
    const after = ChainService.fromDb({ cfg, db: reopened, now: () => now })!;
    expect(after.forkChoice.finalizedCheckpoint).to.deep.equal(finalized);
    expect(after.headRoot).to.equal(before.headRoot);
    expect(after.headState().slot).to.be.greaterThan(finalizedBlockSlot);
    expect(cfg.types.BeaconState.equals(after.headState(), before.headState())).to.equal(true);
    reopened.close();

    // the same anchor without a stored epoch (checkpoint sync, older databases): the next epoch is assumed
    const anchored = new ChainService({ cfg, anchorState: finalizedState, genesisState: genesis, now: () => now });
    expect(anchored.forkChoice.finalizedCheckpoint).to.deep.equal(finalized);
    // an epoch starting before the anchor's block cannot be its checkpoint
    expect(
      () =>
        new ChainService({
          cfg,
          anchorState: finalizedState,
          anchorEpoch: finalized.epoch - 1,
          genesisState: genesis,
          now: () => now,
        }),
    )
      .to.throw(ChainError)
      .with.property("code", "BAD_ANCHOR");
  });

  it("starts empty when the data dir has no chain yet", () => {
    const db = new NodeDb(path.join(dir, "empty.sqlite"));
    expect(ChainService.fromDb({ cfg: createDevnetConfig(), db, now: () => 0 })).to.equal(null);
    db.close();
  });
});
