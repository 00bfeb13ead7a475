// EIP-4881 "Deposit Contract Snapshot Interface": the compressed form of a finalized deposit tree.
import { digest2Bytes32 } from "@chainsafe/as-sha256";
import { ContainerType, ListCompositeType, type ValueOf } from "@chainsafe/ssz";
import { Bytes32, UintNum64 } from "../ssz/index.js";
import { DEPOSIT_CONTRACT_TREE_DEPTH, lengthLeaf, ZERO_HASHES } from "./zeroHashes.js";

function createDepositTreeSnapshotType() {
  return new ContainerType(
    {
      finalized: new ListCompositeType(Bytes32, DEPOSIT_CONTRACT_TREE_DEPTH),
      depositRoot: Bytes32,
      depositCount: UintNum64,
      executionBlockHash: Bytes32,
      executionBlockHeight: UintNum64,
    },
    { typeName: "DepositTreeSnapshot", jsonCase: "eth2" },
  );
}

export type DepositTreeSnapshotSszType = ReturnType<typeof createDepositTreeSnapshotType>;
export type DepositTreeSnapshot = ValueOf<DepositTreeSnapshotSszType>;

let snapshotType: DepositTreeSnapshotSszType | null = null;

/**
 * SSZ type of DepositTreeSnapshot (EIP-4881): the roots of the finalized subtrees from left to right (one per set
 * bit of `depositCount`, highest first), the deposit root and count they produce, and the execution block they were
 * read at. JSON form (`toJson`/`fromJson`) matches the Beacon API's `/eth/v1/beacon/deposit_snapshot`.
 *
 * Built on first use, not at module load: @chainsafe/ssz 1.9 list types call Node's `Buffer` in their constructor
 * (and when hashing), and browsers have no `Buffer`, so a module-level instance stopped the SDK's browser bundle at
 * import. The codec is a node-side need (follower store, Beacon API); browser code uses snapshots only through
 * `calculateSnapshotRoot` / `DepositTree.fromSnapshot`, which need no SSZ type.
 */
export function depositTreeSnapshotType(): DepositTreeSnapshotSszType {
  snapshotType ??= createDepositTreeSnapshotType();
  return snapshotType;
}

/** The deposit root (count mixed in) that a snapshot's finalized subtree roots produce (EIP-4881 `calculate_root`). */
export function calculateSnapshotRoot(snapshot: Pick<DepositTreeSnapshot, "finalized" | "depositCount">): Uint8Array {
  let size = snapshot.depositCount;
  let next = snapshot.finalized.length;
  let root = ZERO_HASHES[0];
  for (let level = 0; level < DEPOSIT_CONTRACT_TREE_DEPTH; level++) {
    if (size % 2 === 1) {
      next--;
      if (next < 0) throw new RangeError("snapshot has fewer finalized roots than set bits in its deposit count");
      root = digest2Bytes32(snapshot.finalized[next], root);
    } else {
      root = digest2Bytes32(root, ZERO_HASHES[level]);
    }
    size = Math.floor(size / 2);
  }
  return digest2Bytes32(root, lengthLeaf(snapshot.depositCount));
}
