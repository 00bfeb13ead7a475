// A long chain for the range-sync benchmark, built fast: one in-process node with every validator runs the healthy
// scenario in virtual time (no waiting for slots) and stores its blocks and checkpoint states in a node database
// file, as btc20-node does. Genesis is placed in the past so that, on the wall clock, the whole chain is history when
// node processes resume from that database.
import { NodeDb } from "../../consensus/node/storage/nodeDb.js";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import type { BeaconState } from "../../consensus/types/index.js";
import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { genesisFromDeposits } from "../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../scripts/devnet/keys.js";
import { devnetDepositData, runScenario } from "../../scripts/devnet/runScenario.js";
import { SCENARIOS } from "../../scripts/devnet/scenarios/index.js";

export interface BuiltChain {
  genesis: { state: BeaconState; keys: ValidatorKey[] };
  headSlot: number;
  finalizedEpoch: number;
  wallMs: number;
}

/** Builds `epochs` epochs of a healthy chain into the database file `dbFile`; genesis ends `slackSeconds` before now. */
export async function buildChainDb(
  cfg: BeaconConfig,
  validators: number,
  epochs: number,
  dbFile: string,
  slackSeconds = 60,
): Promise<BuiltChain> {
  const t0 = performance.now();
  const keys = devnetKeys(0, validators);
  const chainSeconds = epochs * cfg.SLOTS_PER_EPOCH * cfg.SECONDS_PER_SLOT;
  const genesisTime = Math.floor(Date.now() / 1000) - chainSeconds - slackSeconds;
  const state = genesisFromDeposits(
    cfg,
    new Uint8Array(32).fill(0x42),
    genesisTime - cfg.GENESIS_DELAY,
    devnetDepositData(keys),
  );
  const db = new NodeDb(dbFile);
  try {
    const r = await runScenario({
      cfg,
      scenario: SCENARIOS.healthy!,
      epochs,
      validators,
      mode: "virtual",
      genesis: { state, keys },
      db: (i) => (i === 0 ? db : undefined),
    });
    const chain = r.ctx.devnet.nodes[0]!.chain;
    return {
      genesis: { state, keys },
      headSlot: chain.headState().slot,
      finalizedEpoch: chain.forkChoice.finalizedCheckpoint.epoch,
      wallMs: performance.now() - t0,
    };
  } finally {
    db.close();
  }
}
