// Storage under --data-dir: a node stopped at any point restarts from the last finalized state in its database and
// replays the blocks stored after it, losing nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { ChainService } from "../../../consensus/node/chain/chainService.js";
import { NodeDb } from "../../../consensus/node/storage/nodeDb.js";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { runScenario } from "../../../scripts/devnet/runScenario.js";
import { SCENARIOS } from "../../../scripts/devnet/scenarios/index.js";

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

  it("starts empty when the data dir has no chain yet", () => {
    const db = new NodeDb(path.join(dir, "empty.sqlite"));
    expect(ChainService.fromDb({ cfg: createDevnetConfig(), db, now: () => 0 })).to.equal(null);
    db.close();
  });
});
