// The `validators` field of the state-root mirror (./stateRoot.ts) as a compact tree: one leaf per validator holding
// its hash_tree_root, instead of the 17-node subtree an SSZ view keeps per validator (~1.3 GB less at 1M validators).
// The roots are merkleized in batches with the process's hasher: per validator the 8 field chunks of the Validator
// container (phase0 beacon-chain.md "Validator"), the pubkey chunk being hash(pubkey[0:32] ++ pubkey[32:48] ++ 0*16).
import {
  BranchNode,
  hasher,
  LeafNode,
  type Node,
  setNodesAtDepth,
  subtreeFillToContents,
} from "@chainsafe/persistent-merkle-tree";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { Validator } from "../../types/index.js";

const BATCH = 8192;
const TWO_POW_32 = 2 ** 32;

/** uint64 little-endian at `offset` (FAR_FUTURE_EPOCH, Infinity in values, is 2^64 - 1). */
function writeUint64(out: Uint8Array, view: DataView, offset: number, value: number): void {
  if (value === Number.POSITIVE_INFINITY) {
    out.fill(0xff, offset, offset + 8);
    return;
  }
  view.setUint32(offset, value % TWO_POW_32, true);
  view.setUint32(offset + 4, Math.floor(value / TWO_POW_32), true);
}

/** hash_tree_root of each of `validators[indices[k]]`, as LeafNodes (one batch per BATCH validators). */
export function validatorLeaves(validators: readonly Validator[], indices: ArrayLike<number>): LeafNode[] {
  const out: LeafNode[] = new Array(indices.length);
  const keyBlocks = new Uint8Array(BATCH * 64);
  const keyRoots = new Uint8Array(BATCH * 32);
  const chunks = new Uint8Array(BATCH * 256);
  const view = new DataView(chunks.buffer);
  for (let start = 0; start < indices.length; start += BATCH) {
    const count = Math.min(BATCH, indices.length - start);
    keyBlocks.fill(0);
    for (let k = 0; k < count; k++) keyBlocks.set(validators[indices[start + k]].pubkey, k * 64);
    hasher.hashInto(keyBlocks.subarray(0, count * 64), keyRoots.subarray(0, count * 32));
    chunks.fill(0, 0, count * 256);
    for (let k = 0; k < count; k++) {
      const v = validators[indices[start + k]];
      const o = k * 256;
      chunks.set(keyRoots.subarray(k * 32, k * 32 + 32), o);
      chunks.set(v.withdrawalCredentials, o + 32);
      writeUint64(chunks, view, o + 64, v.effectiveBalance);
      chunks[o + 96] = v.slashed ? 1 : 0;
      writeUint64(chunks, view, o + 128, v.activationEligibilityEpoch);
      writeUint64(chunks, view, o + 160, v.activationEpoch);
      writeUint64(chunks, view, o + 192, v.exitEpoch);
      writeUint64(chunks, view, o + 224, v.withdrawableEpoch);
    }
    const roots = hasher.digestNLevel(chunks.subarray(0, count * 256), 3);
    for (let k = 0; k < count; k++) out[start + k] = LeafNode.fromRoot(roots.slice(k * 32, k * 32 + 32));
  }
  return out;
}

/** The tree of `List[Validator, VALIDATOR_REGISTRY_LIMIT]` with one leaf per validator root. */
export function buildValidatorsTree(cfg: BeaconConfig, validators: readonly Validator[]): Node {
  const type = cfg.types.BeaconState.fields.validators;
  const all = Array.from({ length: validators.length }, (_, i) => i);
  const chunks = subtreeFillToContents(validatorLeaves(validators, all), type.chunkDepth);
  return new BranchNode(chunks, LeafNode.fromUint32(validators.length));
}

/** `root` (a tree of buildValidatorsTree) with the validators at `indices` (written or appended) replaced. */
export function updateValidatorsTree(
  cfg: BeaconConfig,
  root: Node,
  validators: readonly Validator[],
  indices: number[],
): Node {
  const type = cfg.types.BeaconState.fields.validators;
  const sorted = [...indices].sort((a, b) => a - b);
  const chunks = setNodesAtDepth(root.left, type.chunkDepth, sorted, validatorLeaves(validators, sorted));
  return new BranchNode(chunks, LeafNode.fromUint32(validators.length));
}
