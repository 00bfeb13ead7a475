// Checkpoint sync: start from another node's finalized state instead of genesis. The state comes as SSZ from
// `/eth/v2/debug/beacon/states/finalized` (the genesis state too, from `.../genesis`: the node needs its time and
// validators root); it is accepted only if its root equals --checkpoint-sync-state-root, or, without one, if the
// block it belongs to is the serving node's finalized checkpoint (`/eth/v1/beacon/states/head/finality_checkpoints`).
// Nothing before the checkpoint is downloaded: range sync continues from its slot.
import type { Logger } from "pino";
import { CodedError } from "../../../sdk/errors/codedError.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { anchorRoot } from "../chain/anchor.js";
import { toRootHex } from "../chain/rootHex.js";

export class CheckpointSyncError extends CodedError<"CHECKPOINT_SYNC_FAILED"> {
  override readonly name = "CheckpointSyncError";
  constructor(message: string) {
    super("CHECKPOINT_SYNC_FAILED", message);
  }
}

async function fetchState(cfg: BeaconConfig, url: string, stateId: string): Promise<BeaconState> {
  const res = await fetch(`${url}/eth/v2/debug/beacon/states/${stateId}`, {
    headers: { accept: "application/octet-stream" },
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new CheckpointSyncError(`${url} answered ${res.status} for the ${stateId} state`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  try {
    return cfg.types.BeaconState.deserialize(bytes);
  } catch (e) {
    throw new CheckpointSyncError(
      `the ${stateId} state from ${url} is not a phase0 BeaconState: ${(e as Error).message}`,
    );
  }
}

async function servingFinalizedRoot(url: string): Promise<string> {
  const res = await fetch(`${url}/eth/v1/beacon/states/head/finality_checkpoints`, {
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new CheckpointSyncError(`${url} answered ${res.status} for its finality checkpoints`);
  const body = (await res.json()) as { data?: { finalized?: { root?: string } } };
  const root = body.data?.finalized?.root;
  if (!root) throw new CheckpointSyncError(`${url} gave no finalized checkpoint`);
  return root.toLowerCase();
}

export interface CheckpointState {
  anchor: BeaconState;
  genesis: BeaconState;
  /** the anchor block root */
  root: string;
}

export async function fetchCheckpointState(
  cfg: BeaconConfig,
  url: string,
  expectedStateRoot: string | undefined,
  logger?: Logger,
): Promise<CheckpointState> {
  const base = url.replace(/\/+$/, "");
  const genesis = await fetchState(cfg, base, "genesis");
  for (let attempt = 1; ; attempt++) {
    const finalizedBefore = expectedStateRoot ? null : await servingFinalizedRoot(base);
    const anchor = await fetchState(cfg, base, "finalized");
    const stateRoot = toRootHex(cfg.types.BeaconState.hashTreeRoot(anchor));
    const root = toRootHex(anchorRoot(cfg, anchor));
    if (toRootHex(anchor.genesisValidatorsRoot) !== toRootHex(genesis.genesisValidatorsRoot)) {
      throw new CheckpointSyncError("the finalized state and the genesis state are of different chains");
    }
    if (expectedStateRoot) {
      if (stateRoot !== expectedStateRoot.toLowerCase()) {
        throw new CheckpointSyncError(`the finalized state's root is ${stateRoot}, expected ${expectedStateRoot}`);
      }
    } else if (root !== finalizedBefore) {
      // finality may have moved between the two requests: ask again
      if (attempt < 3) continue;
      throw new CheckpointSyncError(
        `the state's block ${root} is not the serving node's finalized block ${finalizedBefore}`,
      );
    }
    logger?.info({ url: base, slot: anchor.slot, root, stateRoot }, "checkpoint sync: starting from a finalized state");
    return { anchor, genesis, root };
  }
}
