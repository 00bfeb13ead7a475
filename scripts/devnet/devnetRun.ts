// `npm run devnet`: the whole local BTC20 network. An eth1 chain (Hardhat, JSON-RPC on 127.0.0.1) with the deposit
// contract; validator keys and their 1000 BTCC deposits made with the SDK (one batch transaction); the deposit
// follower reading them; genesis formed from the contract's deposits; the node(s) and validator clients of the
// chosen scenario; the Beacon API on --rest.port; a live view; and more deposits made while running, followed from
// deposit_pending to active_ongoing through the node's own API with the SDK.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { computeActivationQueue } from "../../consensus/api/activationQueue.js";
import { createMetrics } from "../../consensus/api/metrics.js";
import { createBeaconApi } from "../../consensus/api/server.js";
import type { Scheduler } from "../../consensus/node/clock/scheduler.js";
import { NodeChainView } from "../../consensus/node/nodeChainView.js";
import { NodeValidatorApi } from "../../consensus/node/nodeValidatorApi.js";
import { getValidatorStatus } from "../../sdk/beacon-api/index.js";
import { createDevnetConfig, describeOverrides } from "./devnetParams.js";
import { FollowerBridge } from "./eth1Bridge.js";
import { type Eth1Genesis, eth1Genesis } from "./eth1Genesis.js";
import { devnetKeys } from "./keys.js";
import { previousEpochParticipation } from "./participation.js";
import { devnetDepositRecords, runScenario } from "./runScenario.js";
import { SCENARIOS } from "./scenarios/index.js";
import type { ScenarioContext } from "./scenarios/types.js";

export interface DevnetOptions {
  scenario: string;
  /** epochs to run; Infinity: until stop() / Ctrl-C */
  epochs: number;
  validators: number;
  restPort: number;
  /** virtual: as fast as possible (tests, --fast); realtime: 3 s slots on the wall clock */
  mode: "virtual" | "realtime";
  /** deposits made while running (new keys), and the epoch they are sent in */
  extraDeposits: number;
  depositEpoch: number;
  print: (line: string) => void;
  /** print a line every slot (default: realtime only) */
  everySlot?: boolean;
  /** lets the caller stop an endless run (Ctrl-C) */
  onScheduler?: (scheduler: Scheduler) => void;
  /** called with the API's URL after the run, before everything shuts down (tests query the live API) */
  beforeShutdown?: (restUrl: string) => Promise<void>;
}

export interface DevnetResult {
  ok: boolean;
  reason: string | null;
  /** status transitions of the keys deposited while running: pubkey -> statuses in order */
  depositFlow: Map<string, string[]>;
  restUrl: string | null;
  epochsRun: number;
}

const short = (hex: string) => `${hex.slice(0, 10)}…`;

export async function runDevnet(o: DevnetOptions): Promise<DevnetResult> {
  const scenario = SCENARIOS[o.scenario];
  if (!scenario)
    throw new Error(`unknown scenario ${o.scenario}; expected one of ${Object.keys(SCENARIOS).join(", ")}`);
  const cfg = createDevnetConfig();
  if (o.validators < cfg.MIN_GENESIS_ACTIVE_VALIDATOR_COUNT) {
    throw new Error(
      `--validators must be at least ${cfg.MIN_GENESIS_ACTIVE_VALIDATOR_COUNT} (MIN_GENESIS_ACTIVE_VALIDATOR_COUNT)`,
    );
  }
  const print = o.print;
  print(`BTC20 devnet: scenario "${scenario.name}": ${scenario.expectation}`);
  print("devnet configuration (values that differ from btc20, and why):");
  for (const line of describeOverrides(cfg)) print(`  ${line}`);

  const dataDir = mkdtempSync(path.join(tmpdir(), "btc20-devnet-"));
  let api: FastifyInstance | null = null;
  let started: Eth1Genesis | null = null;
  try {
    started = await eth1Genesis({ cfg, validators: o.validators, dataDir, print });
    const { eth1, client, follower, store, genesis, keys } = started;
    const bridge = new FollowerBridge(follower, store);
    const extraKeys = devnetKeys(o.validators, o.extraDeposits);
    const extraHex = extraKeys.map((k) => `0x${Buffer.from(k.publicKey).toString("hex")}`);
    const depositFlow = new Map<string, string[]>(extraHex.map((k) => [k, []]));
    let restUrl: string | null = null;
    const everySlot = o.everySlot ?? o.mode === "realtime";
    let epochsRun = 0;

    const result = await runScenario({
      cfg,
      scenario,
      epochs: o.epochs,
      validators: o.validators,
      mode: o.mode,
      genesis: { state: genesis, keys },
      extraKeys,
      eth1: bridge,
      log: print,
      onReady: async (ctx, scheduler) => {
        o.onScheduler?.(scheduler);
        const node = ctx.devnet.nodes[0]!;
        const view = new NodeChainView(cfg, node.chain, ctx.devnet.clock, bridge);
        const validatorApi = new NodeValidatorApi({ node, clock: ctx.devnet.clock, view, eth1: bridge });
        api = createBeaconApi(view, { metrics: createMetrics(view).registry, validatorApi });
        restUrl = await api.listen({ host: "127.0.0.1", port: o.restPort });
        print(`Beacon API on ${restUrl} (try ${restUrl}/eth/v1/beacon/states/head/finality_checkpoints)`);
        const dappQuery = `network=btc20-devnet&contract=${eth1.contractAddress}&fromBlock=${eth1.deployBlock}&rpc=${eth1.url}`;
        print(`staking dApp: \`npm run dapp\`, then open http://127.0.0.1:5173/?${dappQuery}`);
        // finality prunes the follower's tree into an EIP-4881 snapshot
        node.chain.onEvent((e) => {
          if (e.topic !== "finalized_checkpoint") return;
          const state = node.chain.blockState(`0x${Buffer.from(e.block).toString("hex")}`);
          if (state) follower.finalize(state.eth1Data, state.eth1DepositIndex);
        });
      },
      onSlot: async (ctx, slot) => {
        await eth1.mineAt(ctx.devnet.clock.now());
        await follower.syncToHead();
        const epoch = Math.floor(slot / cfg.SLOTS_PER_EPOCH);
        epochsRun = epoch;
        if (slot === o.depositEpoch * cfg.SLOTS_PER_EPOCH && extraKeys.length > 0) {
          const more = await client.batchDeposit(devnetDepositRecords(extraKeys));
          print(
            `slot ${slot}: deposited ${more.length} more validators (deposit indices ${more[0]!.depositIndex}..${more.at(-1)!.depositIndex})`,
          );
        }
        if (restUrl && extraHex.length > 0 && slot >= o.depositEpoch * cfg.SLOTS_PER_EPOCH) {
          for (const key of extraHex) {
            const info = await getValidatorStatus({ baseUrl: restUrl }, key);
            const flow = depositFlow.get(key)!;
            const status = info.status ?? "not yet seen";
            if (flow.at(-1) !== status) {
              flow.push(status);
              print(`  ${short(key)}: ${flow.length > 1 ? `${flow.at(-2)} -> ` : ""}${status} (slot ${slot})`);
            }
          }
        }
        if (everySlot || slot % cfg.SLOTS_PER_EPOCH === 0) print(liveLine(ctx, slot, bridge));
      },
    });
    if (restUrl && o.beforeShutdown) await o.beforeShutdown(restUrl);
    let reason = result.reason;
    if (reason === null && scenario.name === "healthy" && extraHex.length > 0) {
      const notActive = extraHex.filter((k) => depositFlow.get(k)!.at(-1) !== "active_ongoing");
      if (Number.isFinite(o.epochs) && notActive.length > 0) {
        reason = `${notActive.length} of the ${extraHex.length} keys deposited in epoch ${o.depositEpoch} are not active_ongoing after ${o.epochs} epochs (e.g. ${short(notActive[0]!)}: ${depositFlow.get(notActive[0]!)!.join(" -> ")})`;
      }
    }
    return { ok: reason === null, reason, depositFlow, restUrl, epochsRun };
  } finally {
    await (api as FastifyInstance | null)?.close();
    const s = started as Eth1Genesis | null;
    s?.store.close();
    await s?.eth1.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One line of the live view: slot, epoch, head, checkpoints, participation, registry and activation queue. */
function liveLine(ctx: ScenarioContext, slot: number, bridge: FollowerBridge): string {
  const chain = ctx.devnet.nodes[0]!.chain;
  const cfg = ctx.cfg;
  const head = chain.headState();
  const state = chain.headStateAtSlot(slot);
  const q = computeActivationQueue(cfg, state, bridge.depositsFrom(head.eth1DepositIndex));
  const epoch = Math.floor(slot / cfg.SLOTS_PER_EPOCH);
  const pending = q.entries.filter((e) => e.status === "deposit_pending").length;
  const queued = q.entries.filter((e) => e.status === "pending_queued" || e.status === "pending_initialized").length;
  return (
    `slot ${String(slot).padStart(4)} epoch ${String(epoch).padStart(3)} | head ${short(chain.headRoot)} @${head.slot} | ` +
    `justified ${state.currentJustifiedCheckpoint.epoch} finalized ${state.finalizedCheckpoint.epoch} | ` +
    `participation ${(previousEpochParticipation(cfg, state) * 100).toFixed(0)}% | active ${q.activeValidators}, ` +
    `queue ${queued} (churn ${q.churnLimit}/epoch), deposit_pending ${pending}`
  );
}
