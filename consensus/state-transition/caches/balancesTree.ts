// The `balances` field of the state-root mirror (./stateRoot.ts) built in one go: epoch processing writes every
// balance (rewards and penalties), so after each epoch transition the whole List[Gwei, VALIDATOR_REGISTRY_LIMIT] is
// rebuilt. The uint64 values are packed four per chunk (little-endian, SSZ "basic" packing) into one buffer and each
// level of the tree is hashed in one call of the process's hasher (native hashtree when present: many SHA-256 blocks
// per call), into flat buffers. The tree handed to the SSZ view is lazy: its nodes carry their hashes and create
// their children from the buffers only when read (a later write of a few balances walks a few paths), so the
// 250,000 chunks of a million validators cost no node objects. Above the data: zero subtrees; the root mixes in the
// length.
import { BranchNode, hasher, LeafNode, type Node, zeroHash, zeroNode } from "@chainsafe/persistent-merkle-tree";
import type { BeaconConfig } from "../../params/beaconConfig.js";

const TWO_POW_32 = 2 ** 32;

/** levels[0]: the chunks; levels[d]: the roots of the subtrees of height d; each padded to an even count. */
interface PackedLevels {
  /** Each level's bytes as eight int32 per node (a node's h0..h7). */
  words: Int32Array[];
  counts: number[];
}

function nodeAt(levels: PackedLevels, height: number, index: number): Node {
  if (index >= levels.counts[height]) return zeroNode(height);
  if (height > 0) return new PackedBranchNode(levels, height, index);
  const h = levels.words[0];
  const o = 8 * index;
  return new LeafNode(h[o], h[o + 1], h[o + 2], h[o + 3], h[o + 4], h[o + 5], h[o + 6], h[o + 7]);
}

/** A branch node of the packed levels: its hash set, its children created on first read. */
class PackedBranchNode extends BranchNode {
  private leftChild: Node | undefined;
  private rightChild: Node | undefined;
  constructor(
    private readonly levels: PackedLevels,
    private readonly height: number,
    private readonly index: number,
  ) {
    super(zeroNode(0), zeroNode(0)); // BranchNode's own child slots are not used: see left and right
    const h = levels.words[height];
    const o = 8 * index;
    this.h0 = h[o];
    this.h1 = h[o + 1];
    this.h2 = h[o + 2];
    this.h3 = h[o + 3];
    this.h4 = h[o + 4];
    this.h5 = h[o + 5];
    this.h6 = h[o + 6];
    this.h7 = h[o + 7];
  }
  override get left(): Node {
    this.leftChild ??= nodeAt(this.levels, this.height - 1, 2 * this.index);
    return this.leftChild;
  }
  override get right(): Node {
    this.rightChild ??= nodeAt(this.levels, this.height - 1, 2 * this.index + 1);
    return this.rightChild;
  }
}

/** The tree of `balances` as List[Gwei, VALIDATOR_REGISTRY_LIMIT], every node's hash known. */
export function buildBalancesTree(cfg: BeaconConfig, balances: readonly number[]): Node {
  const depth = cfg.types.BeaconState.fields.balances.chunkDepth;
  let count = Math.ceil(balances.length / 4);
  // Level 0: the packed chunks, padded to an even count with a zero chunk (zero_hash(0))
  let bytes = new Uint8Array((count + (count & 1)) * 32);
  const words = new Uint32Array(bytes.buffer); // the hashers read and write host order: little-endian
  for (let i = 0; i < balances.length; i++) {
    const value = balances[i];
    words[2 * i] = value % TWO_POW_32;
    words[2 * i + 1] = Math.floor(value / TWO_POW_32);
  }
  const levels: PackedLevels = { words: [new Int32Array(bytes.buffer)], counts: [count] };
  while (count > 1) {
    // This level's pairs -> the next level's roots, in one call; an odd count is padded with zero_hash(height)
    const parents = (count + 1) >> 1;
    const out = new Uint8Array((parents + (parents & 1)) * 32);
    if (parents & 1) out.set(zeroHash(levels.counts.length), parents * 32);
    hasher.hashInto(bytes, out.subarray(0, parents * 32));
    levels.words.push(new Int32Array(out.buffer));
    levels.counts.push(parents);
    bytes = out;
    count = parents;
  }
  // Up to the list's chunk depth with zero subtrees (a handful of hashes), then the length
  let height = levels.counts.length - 1;
  let chunks = count === 0 ? zeroNode(depth) : nodeAt(levels, height, 0);
  for (; count > 0 && height < depth; height++) chunks = new BranchNode(chunks, zeroNode(height));
  const root = new BranchNode(chunks, LeafNode.fromUint32(balances.length));
  void root.root; // hashes the few nodes above the data now
  return root;
}
