// Proto-array: the block tree as a flat array in insertion order (a parent always before its children), so that
// subtree weights and best descendants come from one backward sweep instead of the spec's recursive walks.
// It returns exactly fork-choice.md (v1.4.0) `get_head`:
//  - weight(node) = attestation weight of the latest messages in its subtree (spec `get_weight`'s attestation
//    score: `get_ancestor(latest_message.root, node.slot) == node` holds exactly for subtree members), plus
//    `get_proposer_score` if the node is the proposer-boost block or one of its ancestors;
//  - only branches with a viable leaf count (`filter_block_tree`: a leaf is tested, an inner node is viable iff a
//    child branch is), see nodeIsViableForHead;
//  - children compare by (weight, root), the lexicographically higher root winning ties (`max(key=(weight, root))`);
//  - the head is the justified root's best descendant, or the justified root itself when no branch below is viable.
import { GENESIS_EPOCH } from "../constants.js";
import { ForkChoiceError } from "../errors.js";
import { computeEpochAtSlot, computeStartSlotAtEpoch } from "../time.js";
import type { BlockSummary, Checkpoint, ForkChoiceConfig, RootHex } from "../types.js";
import { nodeIsViableForHead, type ViabilityContext } from "./nodeIsViableForHead.js";
import type { ProposerScore } from "./proposerScore.js";

export interface ProtoNode extends BlockSummary {
  /** Index of the parent in the array, -1 when the parent is not in it (the anchor, or pruned). */
  parent: number;
  /** Attestation weight of the subtree in EFFECTIVE_BALANCE_INCREMENT units (the proposer boost is kept apart). */
  weight: number;
  /** Child leading to the best viable leaf after the last findHead, -1 if none. */
  bestChild: number;
  /** Best viable leaf below (or this node if it is a viable leaf) after the last findHead, -1 if none. */
  bestDescendant: number;
  /**
   * store.block_timeliness[root]: the block arrived in its own slot before the attesting interval (the last
   * on_block call for it decides). undefined for the anchor, whose timeliness the spec never records.
   */
  timely?: boolean;
}

export interface FindHeadInput {
  justifiedCheckpoint: Checkpoint;
  finalizedCheckpoint: Checkpoint;
  currentEpoch: number;
  /** store.proposer_boost_root, null for Root() (no boost). */
  proposerBoostRoot: RootHex | null;
  proposerScore: ProposerScore;
}

export class ProtoArray {
  readonly nodes: ProtoNode[] = [];
  private readonly indices = new Map<RootHex, number>();
  /**
   * Slot and parent of every pruned block. The spec never forgets a block: attestations may still name one (their
   * target checks walk its ancestry), and such a vote replaces a validator's latest message although it weighs on no
   * viable branch. About 100 bytes per block.
   */
  private readonly pruned = new Map<RootHex, { slot: number; parentRoot: RootHex }>();

  constructor(private readonly cfg: ForkChoiceConfig) {}

  get length(): number {
    return this.nodes.length;
  }

  indexOf(root: RootHex): number | undefined {
    return this.indices.get(root);
  }

  getNode(root: RootHex): ProtoNode | undefined {
    const index = this.indices.get(root);
    return index === undefined ? undefined : this.nodes[index];
  }

  /** Whether the block is in the tree (not pruned). */
  hasBlock(root: RootHex): boolean {
    return this.indices.has(root);
  }

  /** Whether the block was ever added: in the tree or pruned (the spec's `root in store.blocks`). */
  isKnown(root: RootHex): boolean {
    return this.indices.has(root) || this.pruned.has(root);
  }

  /** Slot of a known block (in the tree or pruned). */
  getSlot(root: RootHex): number | undefined {
    const index = this.indices.get(root);
    return index !== undefined ? this.nodes[index].slot : this.pruned.get(root)?.slot;
  }

  /** Appends a block; a root already present is left as it is (its summary cannot differ: same block, same state). */
  onBlock(summary: BlockSummary): number {
    const known = this.indices.get(summary.root);
    if (known !== undefined) return known;
    const index = this.nodes.length;
    this.nodes.push({
      ...summary,
      parent: this.indices.get(summary.parentRoot) ?? -1,
      weight: 0,
      bestChild: -1,
      bestDescendant: -1,
    });
    this.indices.set(summary.root, index);
    return index;
  }

  /**
   * get_ancestor: the root of the block at `slot` on `root`'s chain (the latest one at or before it).
   * undefined when the walk goes below the anchor.
   */
  getAncestor(root: RootHex, slot: number): RootHex | undefined {
    let current = root;
    for (;;) {
      const index = this.indices.get(current);
      if (index !== undefined) {
        let node = this.nodes[index];
        while (node.slot > slot && node.parent >= 0) node = this.nodes[node.parent];
        if (node.slot <= slot) return node.root;
        current = node.parentRoot;
        continue;
      }
      const old = this.pruned.get(current);
      if (old === undefined) return undefined;
      if (old.slot <= slot) return current;
      current = old.parentRoot;
    }
  }

  /** Adds vote deltas to the nodes and carries each node's delta to its parent (children sit after parents). */
  applyScoreChanges(deltas: Float64Array): void {
    if (deltas.length !== this.nodes.length) {
      throw new RangeError(`deltas has ${deltas.length} entries, expected one per node (${this.nodes.length})`);
    }
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const node = this.nodes[i];
      node.weight += deltas[i];
      if (node.parent >= 0) deltas[node.parent] += deltas[i];
    }
  }

  /** get_head over the current weights; see the file comment. */
  findHead(input: FindHeadInput): RootHex {
    const { nodes, cfg } = this;
    const justifiedRoot = input.justifiedCheckpoint.root;
    const startIndex = this.headSearchStart(justifiedRoot);
    if (startIndex === undefined) return justifiedRoot;
    const n = nodes.length;
    const viability: ViabilityContext = {
      currentEpoch: input.currentEpoch,
      justifiedEpoch: input.justifiedCheckpoint.epoch,
      finalizedEpoch: input.finalizedCheckpoint.epoch,
    };

    // get_checkpoint_block(node, finalized epoch) = get_ancestor(node, finalized_slot) as an index, for every node
    // in one forward sweep (-1: outside the array)
    const finalizedSlot = computeStartSlotAtEpoch(cfg, input.finalizedCheckpoint.epoch);
    const finalizedIndex = this.indices.get(input.finalizedCheckpoint.root) ?? -2;
    const ancestorAtFinalizedSlot = new Int32Array(n);
    if (input.finalizedCheckpoint.epoch !== GENESIS_EPOCH) {
      for (let i = 0; i < n; i++) {
        const node = nodes[i];
        ancestorAtFinalizedSlot[i] =
          node.slot <= finalizedSlot ? i : node.parent >= 0 ? ancestorAtFinalizedSlot[node.parent] : -1;
      }
    }

    // the proposer-boost block and its ancestors carry the proposer score
    const boosted = new Uint8Array(n);
    if (input.proposerBoostRoot !== null) {
      let index = this.indices.get(input.proposerBoostRoot) ?? -1;
      while (index >= 0) {
        boosted[index] = 1;
        index = nodes[index].parent;
      }
    }
    const { increments: boostIncrements, remainderGwei: boostRemainder } = input.proposerScore;

    // backward sweep: every child is settled before its parent
    const hasChild = new Uint8Array(n);
    for (let i = 0; i < n; i++) nodes[i].bestChild = -1;
    for (let i = n - 1; i >= 0; i--) {
      const node = nodes[i];
      if (hasChild[i] === 0) {
        const viable = nodeIsViableForHead(viability, {
          blockEpoch: computeEpochAtSlot(cfg, node.slot),
          justifiedEpoch: node.justifiedCheckpoint.epoch,
          unrealizedJustifiedEpoch: node.unrealizedJustifiedCheckpoint.epoch,
          descendsFromFinalizedCheckpointBlock: ancestorAtFinalizedSlot[i] === finalizedIndex,
        });
        node.bestDescendant = viable ? i : -1;
      } else {
        node.bestDescendant = node.bestChild >= 0 ? nodes[node.bestChild].bestDescendant : -1;
      }
      const parent = node.parent;
      if (parent < 0) continue;
      hasChild[parent] = 1;
      if (node.bestDescendant < 0) continue;
      const rival = nodes[parent].bestChild;
      if (rival < 0 || this.outweighs(i, rival, boosted, boostIncrements, boostRemainder)) {
        nodes[parent].bestChild = i;
      }
    }

    const best = nodes[startIndex].bestDescendant;
    return best >= 0 ? nodes[best].root : justifiedRoot;
  }

  /**
   * Where the walk of get_head starts: the justified block. It can only have been pruned after a finality conflict
   * (two conflicting checkpoints finalized or justified: a third of the stake equivocated); then no branch of the
   * kept tree is below it and the head is the justified root itself (undefined).
   */
  private headSearchStart(justifiedRoot: RootHex): number | undefined {
    const justifiedIndex = this.indices.get(justifiedRoot);
    if (justifiedIndex !== undefined || this.pruned.has(justifiedRoot)) return justifiedIndex;
    throw new ForkChoiceError("UNKNOWN_JUSTIFIED_ROOT", `justified checkpoint root ${justifiedRoot} is not known`);
  }

  /**
   * (weight(a), a.root) > (weight(b), b.root). With weight = increments * INCREMENT + boost and the boost split as
   * q * INCREMENT + r (0 <= r < INCREMENT), comparing (increments + q, r) lexicographically compares the Gwei sums
   * exactly without leaving the safe-integer range.
   */
  private outweighs(a: number, b: number, boosted: Uint8Array, boostIncrements: number, boostRemainder: number) {
    const nodeA = this.nodes[a];
    const nodeB = this.nodes[b];
    const wholeA = nodeA.weight + (boosted[a] === 1 ? boostIncrements : 0);
    const wholeB = nodeB.weight + (boosted[b] === 1 ? boostIncrements : 0);
    if (wholeA !== wholeB) return wholeA > wholeB;
    const restA = boosted[a] === 1 ? boostRemainder : 0;
    const restB = boosted[b] === 1 ? boostRemainder : 0;
    if (restA !== restB) return restA > restB;
    return nodeA.root > nodeB.root;
  }

  /**
   * Pruning at finality: keeps the finalized block and its descendants, drops everything else (no head can come
   * from there any more, and none of their votes weighs on a kept node). Returns old index -> new index (-1 dropped),
   * or null when nothing was dropped.
   */
  prune(finalizedRoot: RootHex): Int32Array | null {
    const finalizedIndex = this.indices.get(finalizedRoot);
    if (finalizedIndex === undefined) {
      throw new ForkChoiceError("UNKNOWN_CHECKPOINT_BLOCK", `finalized root ${finalizedRoot} is not in the block tree`);
    }
    const n = this.nodes.length;
    const keep = new Uint8Array(n);
    keep[finalizedIndex] = 1;
    let kept = 1;
    for (let i = finalizedIndex + 1; i < n; i++) {
      const parent = this.nodes[i].parent;
      if (parent >= 0 && keep[parent] === 1) {
        keep[i] = 1;
        kept++;
      }
    }
    if (kept === n) return null;

    const newIndexOf = new Int32Array(n).fill(-1);
    const survivors: ProtoNode[] = [];
    for (let i = 0; i < n; i++) {
      if (keep[i] === 0) {
        this.pruned.set(this.nodes[i].root, { slot: this.nodes[i].slot, parentRoot: this.nodes[i].parentRoot });
        continue;
      }
      newIndexOf[i] = survivors.length;
      survivors.push(this.nodes[i]);
    }
    this.indices.clear();
    for (let i = 0; i < survivors.length; i++) {
      const node = survivors[i];
      node.parent = node.parent >= 0 ? newIndexOf[node.parent] : -1;
      node.bestChild = node.bestChild >= 0 ? newIndexOf[node.bestChild] : -1;
      node.bestDescendant = node.bestDescendant >= 0 ? newIndexOf[node.bestDescendant] : -1;
      this.indices.set(node.root, i);
    }
    this.nodes.length = 0;
    this.nodes.push(...survivors);
    return newIndexOf;
  }
}
