// Runs one scenario: genesis, the nodes, the clock for `epochs` epochs, an epoch record per epoch boundary, then
// the scenario's check. Virtual time runs as fast as the CPU allows (tests, --fast); realtime follows the wall clock.
import type { Logger } from "pino";
import type { Eth1ForBlocks } from "../../consensus/node/chain/produceBlock.js";
import { Scheduler, type SchedulerMode } from "../../consensus/node/clock/scheduler.js";
import type { NodeDb } from "../../consensus/node/storage/nodeDb.js";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import type { BeaconState, DepositData } from "../../consensus/types/index.js";
import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { bls } from "../../sdk/crypto/bls/index.js";
import { createDepositData, type DepositDataRecord } from "../../sdk/deposit/createDepositData.js";
import { blsWithdrawalCredentials } from "../../sdk/deposit/withdrawalCredentials.js";
import { BTC20_DEVNET } from "../../sdk/networks/btc20.js";
import { genesisFromDeposits } from "./genesis.js";
import { devnetKeys } from "./keys.js";
import { previousEpochParticipation, statusCounts } from "./participation.js";
import type { Scenario, ScenarioContext } from "./scenarios/types.js";
import { createDevnetNodes } from "./simulation.js";

export const STAKE_GWEI = 1000n * 1_000_000_000n;

/** Signed deposits for `keys` made with the SDK: 1000 BTCC each, BLS withdrawal credentials, devnet fork version. */
export function devnetDepositRecords(keys: ValidatorKey[], amountGwei = STAKE_GWEI): DepositDataRecord[] {
  return keys.map((k) =>
    createDepositData({
      bls,
      signingSecretKey: k.secretKey,
      pubkey: k.publicKey,
      withdrawalCredentials: blsWithdrawalCredentials(k.publicKey),
      amountGwei,
      network: BTC20_DEVNET,
    }),
  );
}

export function devnetDepositData(keys: ValidatorKey[], amountGwei = STAKE_GWEI): DepositData[] {
  return devnetDepositRecords(keys, amountGwei).map((d) => ({
    pubkey: d.pubkey,
    withdrawalCredentials: d.withdrawalCredentials,
    amount: Number(d.amountGwei),
    signature: d.signature,
  }));
}

export interface RunScenarioOptions {
  cfg: BeaconConfig;
  scenario: Scenario;
  epochs: number;
  validators: number;
  mode: SchedulerMode;
  /** genesis made elsewhere (from the deposit contract); default: straight from SDK deposit data */
  genesis?: { state: BeaconState; keys: ValidatorKey[] };
  /** keys of validators deposited after genesis, run by node 0 once they are in the registry */
  extraKeys?: ValidatorKey[];
  eth1?: Eth1ForBlocks | null;
  logger?: Logger;
  log?: (line: string) => void;
  /** called after every slot's first interval (live view, API, deposits) */
  onSlot?: (ctx: ScenarioContext, slot: number) => void | Promise<void>;
  /** called once the nodes exist, before the clock starts (API server, eth1 mining) */
  onReady?: (ctx: ScenarioContext, scheduler: Scheduler) => void | Promise<void>;
  db?: (nodeIndex: number) => NodeDb | undefined;
  /** a scheduler to share (e.g. with the eth1 miner); default: a new one */
  scheduler?: Scheduler;
}

export interface ScenarioResult {
  ok: boolean;
  reason: string | null;
  ctx: ScenarioContext;
  wallMs: number;
}

export async function runScenario(o: RunScenarioOptions): Promise<ScenarioResult> {
  const { cfg, scenario } = o;
  const log = o.log ?? (() => {});
  let genesis = o.genesis;
  if (!genesis) {
    const keys = devnetKeys(0, o.validators);
    const eth1Time = o.mode === "virtual" ? 1_800_000_000 : Math.floor(Date.now() / 1000);
    genesis = {
      state: genesisFromDeposits(cfg, new Uint8Array(32).fill(0x42), eth1Time, devnetDepositData(keys)),
      keys,
    };
  }
  const layout = scenario.layout(o.validators, cfg, genesis.state);
  const scheduler = o.scheduler ?? new Scheduler(o.mode, genesis.state.genesisTime - 0.5);
  const devnet = createDevnetNodes({
    cfg,
    genesisState: genesis.state,
    keys: genesis.keys,
    nodeCount: layout.shares.length,
    shares: layout.shares,
    scheduler,
    network: layout.network,
    eth1: o.eth1,
    logger: o.logger,
    misbehaviour: layout.misbehaviour,
    db: o.db,
    extraKeys: o.extraKeys,
  });
  for (const n of layout.offlineNodes ?? []) {
    for (const vc of devnet.nodes[n]!.validators) vc.online = false;
  }
  const ctx: ScenarioContext = { cfg, genesis: genesis.state, devnet, records: [], log };
  const node0 = devnet.nodes[0]!;
  node0.onSlot(async (slot, interval) => {
    if (interval !== 0) return;
    if (slot % cfg.SLOTS_PER_EPOCH === 0) {
      const epoch = slot / cfg.SLOTS_PER_EPOCH;
      const state = node0.chain.headStateAtSlot(slot);
      ctx.records.push({
        epoch,
        headSlot: node0.chain.headState().slot,
        finalizedEpoch: state.finalizedCheckpoint.epoch,
        justifiedEpoch: state.currentJustifiedCheckpoint.epoch,
        participation: previousEpochParticipation(cfg, state),
        balances: [...state.balances],
        statuses: statusCounts(cfg, state),
      });
      await scenario.onEpoch?.(ctx, epoch);
      const note = scenario.epochNote?.(ctx, ctx.records.at(-1)!);
      if (note) log(note);
    }
    await o.onSlot?.(ctx, slot);
  });
  await o.onReady?.(ctx, scheduler);
  for (const n of devnet.nodes) n.start();
  const t0 = performance.now();
  // run through the first slot of epoch `epochs` so that its record (finality after epoch epochs-1) exists
  const end = genesis.state.genesisTime + o.epochs * cfg.SLOTS_PER_EPOCH * cfg.SECONDS_PER_SLOT + 0.1;
  await scheduler.runUntil(end);
  const reason = scenario.check(ctx);
  return { ok: reason === null, reason, ctx, wallMs: performance.now() - t0 };
}
