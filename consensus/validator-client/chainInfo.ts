// What the validator client learns from its beacon node before it can sign: genesis (time, genesis validators root),
// the chain's config (/eth/v1/config/spec, the same values the node runs on) and the current fork. With --network the
// operator's own config is used and must agree with the node's on every phase0 value.
import type { Logger } from "pino";
import { CodedError } from "../../sdk/errors/codedError.js";
import { type BeaconConfig, loadBeaconConfigReport } from "../params/beaconConfig.js";
import { BYTES_PARAM_LENGTHS, NUMBER_PARAM_KEYS } from "../params/beaconParams.js";
import type { Fork } from "../types/index.js";
import type { BeaconNodes } from "./beaconNodes.js";

export class ChainInfoError extends CodedError<"CONFIG_MISMATCH" | "INCOMPLETE_SPEC" | "GENESIS_MISMATCH"> {
  override readonly name = "ChainInfoError";
}

export interface ChainInfo {
  cfg: BeaconConfig;
  genesisTime: number;
  genesisValidatorsRoot: Uint8Array;
  fork: Fork;
}

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex.replace(/^0x/, ""), "hex"));
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

/** Waits for genesis (retrying every `retryMs`), then reads the config and the head fork. */
export async function fetchChainInfo(
  nodes: BeaconNodes,
  opts: { localConfig?: BeaconConfig; logger?: Logger; retryMs?: number; signal?: AbortSignal } = {},
): Promise<ChainInfo> {
  let genesis = null;
  for (;;) {
    try {
      genesis = await nodes.call("genesis", (api) => api.getGenesis());
    } catch (e) {
      opts.logger?.warn({ err: (e as Error).message }, "cannot reach a beacon node yet");
    }
    if (genesis) break;
    if (opts.signal?.aborted) throw new Error("aborted while waiting for genesis");
    opts.logger?.info("waiting for genesis");
    await new Promise((r) => setTimeout(r, opts.retryMs ?? 2000));
  }
  const spec = await nodes.call("config/spec", (api) => api.getSpec());
  const remote = loadBeaconConfigReport(spec);
  if (remote.filled.length > 0) {
    throw new ChainInfoError(
      "INCOMPLETE_SPEC",
      `the beacon node's /eth/v1/config/spec lacks ${remote.filled.join(", ")}; refusing to guess them`,
    );
  }
  const cfg = opts.localConfig ?? remote.config;
  if (opts.localConfig) assertSameConfig(opts.localConfig, remote.config);
  const gvr = bytes(genesis.genesis_validators_root);
  if (hex(bytes(genesis.genesis_fork_version)) !== hex(cfg.GENESIS_FORK_VERSION)) {
    throw new ChainInfoError(
      "GENESIS_MISMATCH",
      `the node's genesis fork version ${genesis.genesis_fork_version} is not the config's ${hex(cfg.GENESIS_FORK_VERSION)}`,
    );
  }
  return {
    cfg,
    genesisTime: Number(genesis.genesis_time),
    genesisValidatorsRoot: gvr,
    fork: await fetchFork(nodes, cfg),
  };
}

/** The head state's fork (GET states/head/fork); a phase0 chain that does not serve it is at the genesis fork. */
export async function fetchFork(nodes: BeaconNodes, cfg: BeaconConfig): Promise<Fork> {
  try {
    const f = await nodes.call("states/head/fork", (api) => api.getStateFork("head"));
    return {
      previousVersion: bytes(f.previous_version),
      currentVersion: bytes(f.current_version),
      epoch: Number(f.epoch),
    };
  } catch {
    return { previousVersion: cfg.GENESIS_FORK_VERSION, currentVersion: cfg.GENESIS_FORK_VERSION, epoch: 0 };
  }
}

/** Every phase0 value must match: a validator signing for another config's domains or committees would be wrong. */
export function assertSameConfig(local: BeaconConfig, remote: BeaconConfig): void {
  const diffs: string[] = [];
  for (const k of NUMBER_PARAM_KEYS) {
    if (local[k] !== remote[k]) diffs.push(`${k}: ours ${local[k]}, node ${remote[k]}`);
  }
  for (const k of Object.keys(BYTES_PARAM_LENGTHS) as (keyof typeof BYTES_PARAM_LENGTHS)[]) {
    if (hex(local[k] as Uint8Array) !== hex(remote[k] as Uint8Array)) {
      diffs.push(`${k}: ours ${hex(local[k] as Uint8Array)}, node ${hex(remote[k] as Uint8Array)}`);
    }
  }
  if (diffs.length > 0) {
    throw new ChainInfoError("CONFIG_MISMATCH", `the beacon node runs another config: ${diffs.join("; ")}`);
  }
}
