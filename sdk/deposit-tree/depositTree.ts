import { digest64Into } from "@chainsafe/as-sha256";
import { DepositTreeError } from "./errors.js";
import { HashLevel } from "./hashLevel.js";
import { calculateSnapshotRoot, type DepositTreeSnapshot } from "./snapshot.js";
import { DEPOSIT_CONTRACT_TREE_DEPTH, lengthLeaf, ZERO_HASHES } from "./zeroHashes.js";

const DEPTH = DEPOSIT_CONTRACT_TREE_DEPTH;
/** The deposit contract refuses deposit number 2**32 (MAX_DEPOSIT_COUNT = 2**32 - 1). */
export const MAX_DEPOSIT_COUNT = 2 ** 32 - 1;

/** What `finalize` needs from an Eth1Data (phase0 beacon-chain.md, "Eth1Data"). */
export interface FinalizedEth1Data {
  depositRoot: Uint8Array;
  depositCount: number;
  blockHash: Uint8Array;
}

export interface DepositProof {
  leaf: Uint8Array;
  /** DEPOSIT_CONTRACT_TREE_DEPTH sibling hashes from the leaf up, then the count as a 32-byte little-endian leaf. */
  branch: Uint8Array[];
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hex(bytes: Uint8Array): string {
  let s = "0x";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/**
 * The deposit contract's incremental Merkle tree, off chain: depth 32, leaves are `hash_tree_root(DepositData)`, and
 * the root mixes in the leaf count, so `getRoot()` equals `hash_tree_root(List[DepositData, 2**32])` of the deposits.
 *
 * Storage: for every level, each complete node (hashed once, when its last leaf arrives). With those, the root and
 * every proof can be rebuilt at any historical deposit count, which block production needs: deposits are included
 * against the count of the state's eth1 data, not the newest one. Finalizing (EIP-4881) drops every node that no
 * proof for a deposit at or after the finalized count can need; what remains of the finalized part is exactly the
 * snapshot's `finalized` roots.
 */
export class DepositTree {
  private readonly levels: HashLevel[];
  private leafCount = 0;
  private finalizedDepositCount = 0;
  private finalizedBlock: { hash: Uint8Array; height: number } | null = null;
  private readonly scratch = new Uint8Array(64);

  private constructor(levels: HashLevel[]) {
    this.levels = levels;
  }

  static empty(): DepositTree {
    return new DepositTree(Array.from({ length: DEPTH }, () => new HashLevel()));
  }

  /** Rebuild a tree from an EIP-4881 snapshot; new leaves continue at `snapshot.depositCount`. */
  static fromSnapshot(snapshot: DepositTreeSnapshot): DepositTree {
    const count = snapshot.depositCount;
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_DEPOSIT_COUNT) {
      throw new DepositTreeError("INVALID_SNAPSHOT", `deposit count ${count} is not in 0..${MAX_DEPOSIT_COUNT}`);
    }
    const expectedRoots = popCount(count);
    if (snapshot.finalized.length !== expectedRoots) {
      throw new DepositTreeError(
        "INVALID_SNAPSHOT",
        `deposit count ${count} needs ${expectedRoots} finalized roots, snapshot has ${snapshot.finalized.length}`,
      );
    }
    for (const root of [...snapshot.finalized, snapshot.depositRoot, snapshot.executionBlockHash]) {
      if (root.length !== 32)
        throw new DepositTreeError("INVALID_SNAPSHOT", `hash of ${root.length} bytes, expected 32`);
    }
    const computed = calculateSnapshotRoot(snapshot);
    if (!equalBytes(computed, snapshot.depositRoot)) {
      throw new DepositTreeError(
        "INVALID_SNAPSHOT",
        `finalized roots give deposit root ${hex(computed)}, snapshot says ${hex(snapshot.depositRoot)}`,
      );
    }
    const levels: HashLevel[] = new Array(DEPTH);
    let next = 0;
    for (let h = DEPTH - 1; h >= 0; h--) {
      const k = Math.floor(count / 2 ** h);
      if (k % 2 === 1) {
        levels[h] = HashLevel.startingAt(k - 1);
        levels[h].appendSlot().set(snapshot.finalized[next++]);
      } else {
        levels[h] = HashLevel.startingAt(k);
      }
    }
    const tree = new DepositTree(levels);
    tree.leafCount = count;
    tree.finalizedDepositCount = count;
    tree.finalizedBlock = { hash: snapshot.executionBlockHash.slice(), height: snapshot.executionBlockHeight };
    return tree;
  }

  /** Number of leaves pushed (the deposit count). */
  get depositCount(): number {
    return this.leafCount;
  }

  /** Leaves below this index are finalized and pruned: no proofs for them. */
  get finalizedCount(): number {
    return this.finalizedDepositCount;
  }

  /** Append one `deposit_data_root`. */
  push(leaf: Uint8Array): void {
    if (leaf.length !== 32) throw new DepositTreeError("INVALID_LEAF", `leaf of ${leaf.length} bytes, expected 32`);
    if (this.leafCount >= MAX_DEPOSIT_COUNT) {
      throw new DepositTreeError("TREE_FULL", `the tree holds ${MAX_DEPOSIT_COUNT} deposits`);
    }
    this.levels[0].appendSlot().set(leaf);
    // Each odd node index closes a pair: hash it into its parent, and keep climbing while parents close pairs too.
    let index = this.leafCount;
    for (let h = 0; h < DEPTH - 1 && index % 2 === 1; h++) {
      this.scratch.set(this.levels[h].get(index - 1), 0);
      this.scratch.set(this.levels[h].get(index), 32);
      digest64Into(this.scratch, this.levels[h + 1].appendSlot());
      index = (index - 1) / 2;
    }
    this.leafCount++;
  }

  /** The deposit root with the count mixed in, as `get_deposit_root()` of the contract returns it. */
  getRoot(): Uint8Array {
    return this.getRootAt(this.leafCount);
  }

  /** The deposit root as it was when the tree held `depositCount` leaves (finalized count .. current count). */
  getRootAt(depositCount: number): Uint8Array {
    const partial = this.partialRoots(depositCount);
    return this.hash(partial[DEPTH], lengthLeaf(depositCount));
  }

  /** The `deposit_data_root` at `index` (not finalized). */
  getLeaf(index: number): Uint8Array {
    this.checkIndex(index, this.leafCount);
    return this.levels[0].get(index).slice();
  }

  /**
   * The proof `process_deposit` checks (`is_valid_merkle_branch(leaf, proof, DEPOSIT_CONTRACT_TREE_DEPTH + 1, index,
   * eth1_data.deposit_root)`) for the deposit at `index` against the root at `depositCount` (default: now).
   */
  getProof(index: number, depositCount = this.leafCount): DepositProof {
    this.checkIndex(index, depositCount);
    const partial = this.partialRoots(depositCount);
    const branch: Uint8Array[] = new Array(DEPTH + 1);
    for (let h = 0; h < DEPTH; h++) {
      const node = Math.floor(index / 2 ** h);
      const sibling = node % 2 === 0 ? node + 1 : node - 1;
      const frontier = Math.floor(depositCount / 2 ** h);
      if (sibling < frontier) branch[h] = this.levels[h].get(sibling).slice();
      else if (sibling === frontier) branch[h] = partial[h];
      else branch[h] = ZERO_HASHES[h];
    }
    branch[DEPTH] = lengthLeaf(depositCount);
    return { leaf: this.levels[0].get(index).slice(), branch };
  }

  /**
   * EIP-4881 `finalize`: the deposits below `eth1Data.depositCount` are final (the beacon state's eth1 data at a
   * finalized checkpoint). Checks that the tree had that root at that count, then prunes. Finalizing an older count
   * than the current one does nothing.
   */
  finalize(eth1Data: FinalizedEth1Data, executionBlockHeight: number): void {
    const count = eth1Data.depositCount;
    if (count > this.leafCount) {
      throw new DepositTreeError(
        "FINALIZE_BEYOND_COUNT",
        `cannot finalize ${count} deposits, tree has ${this.leafCount}`,
      );
    }
    if (count < this.finalizedDepositCount) return;
    const root = this.getRootAt(count);
    if (!equalBytes(root, eth1Data.depositRoot)) {
      throw new DepositTreeError(
        "FINALIZE_ROOT_MISMATCH",
        `tree root at count ${count} is ${hex(root)}, eth1 data says ${hex(eth1Data.depositRoot)}`,
      );
    }
    for (let h = 0; h < DEPTH; h++) {
      const k = Math.floor(count / 2 ** h);
      this.levels[h].pruneBelow(k - (k % 2));
    }
    this.finalizedDepositCount = count;
    this.finalizedBlock = { hash: eth1Data.blockHash.slice(), height: executionBlockHeight };
  }

  /** EIP-4881 `get_snapshot`: only after a `finalize` (or when built from a snapshot). */
  getSnapshot(): DepositTreeSnapshot {
    if (this.finalizedBlock === null) throw new DepositTreeError("NOT_FINALIZED", "no finalized execution block yet");
    const count = this.finalizedDepositCount;
    const finalized: Uint8Array[] = [];
    for (let h = DEPTH - 1; h >= 0; h--) {
      const k = Math.floor(count / 2 ** h);
      if (k % 2 === 1) finalized.push(this.levels[h].get(k - 1).slice());
    }
    return {
      finalized,
      depositRoot: this.getRootAt(count),
      depositCount: count,
      executionBlockHash: this.finalizedBlock.hash.slice(),
      executionBlockHeight: this.finalizedBlock.height,
    };
  }

  /** Drop the leaves at and after `depositCount` (a reorg removed them); cannot go below the finalized count. */
  rollback(depositCount: number): void {
    if (depositCount < this.finalizedDepositCount || depositCount > this.leafCount) {
      throw new DepositTreeError(
        "COUNT_OUT_OF_RANGE",
        `cannot roll back to ${depositCount}: allowed ${this.finalizedDepositCount}..${this.leafCount}`,
      );
    }
    for (let h = 0; h < DEPTH; h++) this.levels[h].truncate(Math.floor(depositCount / 2 ** h));
    this.leafCount = depositCount;
  }

  /**
   * partial[h]: the root of the level-h node holding position `depositCount` (the first empty leaf), counting only
   * leaves below `depositCount`. partial[DEPTH] is the tree root before the count mix-in.
   */
  private partialRoots(depositCount: number): Uint8Array[] {
    if (
      !Number.isSafeInteger(depositCount) ||
      depositCount < this.finalizedDepositCount ||
      depositCount > this.leafCount
    ) {
      throw new DepositTreeError(
        "COUNT_OUT_OF_RANGE",
        `deposit count ${depositCount} outside the held range ${this.finalizedDepositCount}..${this.leafCount}`,
      );
    }
    const partial: Uint8Array[] = new Array(DEPTH + 1);
    partial[0] = ZERO_HASHES[0];
    for (let h = 0; h < DEPTH; h++) {
      const k = Math.floor(depositCount / 2 ** h);
      partial[h + 1] =
        k % 2 === 1 ? this.hash(this.levels[h].get(k - 1), partial[h]) : this.hash(partial[h], ZERO_HASHES[h]);
    }
    return partial;
  }

  private checkIndex(index: number, depositCount: number): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= depositCount) {
      throw new DepositTreeError(
        "INDEX_OUT_OF_RANGE",
        `deposit index ${index} not below deposit count ${depositCount}`,
      );
    }
    if (index < this.finalizedDepositCount) {
      throw new DepositTreeError(
        "INDEX_FINALIZED",
        `deposit ${index} is below the finalized count ${this.finalizedDepositCount} and was pruned`,
      );
    }
  }

  private hash(left: Uint8Array, right: Uint8Array): Uint8Array {
    this.scratch.set(left, 0);
    this.scratch.set(right, 32);
    const out = new Uint8Array(32);
    digest64Into(this.scratch, out);
    return out;
  }
}

function popCount(n: number): number {
  let bits = 0;
  for (; n > 0; n = Math.floor(n / 2)) bits += n % 2;
  return bits;
}
