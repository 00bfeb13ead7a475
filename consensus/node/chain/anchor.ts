// The anchor of the fork choice (phase0 fork-choice.md, get_forkchoice_store): a trusted state and the root of the
// block it belongs to, which is the root of its latest block header once that header's state root is filled in.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlockHeader, BeaconState } from "../../types/index.js";

export function anchorHeader(cfg: BeaconConfig, state: BeaconState): BeaconBlockHeader {
  const header = cfg.types.BeaconBlockHeader.clone(state.latestBlockHeader);
  if (header.stateRoot.every((b) => b === 0)) header.stateRoot = cfg.types.BeaconState.hashTreeRoot(state);
  return header;
}

export function anchorRoot(cfg: BeaconConfig, state: BeaconState): Uint8Array {
  return cfg.types.BeaconBlockHeader.hashTreeRoot(anchorHeader(cfg, state));
}

/**
 * The epoch of the checkpoint an anchor state stands for when none is given: the first epoch that starts at or after
 * the state's slot. A state at an epoch's first slot is that epoch's checkpoint state (get_forkchoice_store's
 * anchor_epoch). A finalized block's post-state before an epoch boundary stands for the next epoch's checkpoint, whose
 * block it is when the boundary slots after it were empty (as Lighthouse treats an unaligned checkpoint state).
 * Rounding down instead would claim a checkpoint whose block lies below the anchor, so that no descendant could pass
 * on_block's finalized-descendant check.
 */
export function anchorCheckpointEpoch(cfg: BeaconConfig, state: BeaconState): number {
  return Math.ceil(state.slot / cfg.SLOTS_PER_EPOCH);
}

/** An epoch as the database's meta value: 8 bytes, little-endian (SSZ's uint64). */
export function encodeEpoch(epoch: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(epoch), true);
  return out;
}

export function decodeEpoch(bytes: Uint8Array): number {
  if (bytes.length !== 8) throw new RangeError(`a stored epoch is 8 bytes, got ${bytes.length}`);
  return Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
}
