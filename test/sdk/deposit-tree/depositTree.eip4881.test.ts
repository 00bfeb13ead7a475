import { expect } from "chai";
import {
  calculateSnapshotRoot,
  DepositTree,
  DepositTreeError,
  depositDataRoot,
  depositTreeSnapshotType,
} from "../../../sdk/deposit-tree/index.js";
import { DepositData } from "../../../sdk/ssz/index.js";
import { type Eip4881Case, loadEip4881Cases } from "./eip4881Vectors.js";
import { isValidMerkleBranch } from "./isValidMerkleBranch.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

function treeOf(cases: Eip4881Case[]): DepositTree {
  const tree = DepositTree.empty();
  for (const c of cases) tree.push(c.depositDataRoot);
  return tree;
}

function expectProofValid(tree: DepositTree, index: number, depositCount: number, root: Uint8Array): void {
  const { leaf, branch } = tree.getProof(index, depositCount);
  expect(branch).to.have.length(33);
  expect(isValidMerkleBranch(leaf, branch, 33, index, root), `proof of ${index} at count ${depositCount}`).to.equal(
    true,
  );
}

describe("sdk/deposit-tree: EIP-4881 reference cases", () => {
  const cases = loadEip4881Cases();

  it("has the 512 cases", () => {
    expect(cases).to.have.length(512);
  });

  it("empty tree root is hash_tree_root of an empty List[DepositData, 2**32]", () => {
    expect(hex(DepositTree.empty().getRoot())).to.equal(
      "d70a234731285c6804c2a4f56711ddb8c82c99740f207854891028af34e27e5e",
    );
  });

  it("gives each case's deposit_data_root and the eth1 deposit root after each deposit", () => {
    const tree = DepositTree.empty();
    for (const c of cases) {
      expect(hex(DepositData.hashTreeRoot(c.depositData))).to.equal(hex(c.depositDataRoot));
      expect(hex(depositDataRoot(c.depositData))).to.equal(hex(c.depositDataRoot));
      tree.push(c.depositDataRoot);
      expect(tree.depositCount).to.equal(c.eth1Data.depositCount);
      expect(hex(tree.getRoot())).to.equal(hex(c.eth1Data.depositRoot));
      expect(hex(calculateSnapshotRoot(c.snapshot))).to.equal(hex(c.eth1Data.depositRoot));
    }
    // Historical roots stay available until finalized.
    for (const c of cases) expect(hex(tree.getRootAt(c.eth1Data.depositCount))).to.equal(hex(c.eth1Data.depositRoot));
  });

  it("exports each case's snapshot when finalized at it, and a copy imported from it continues with the same roots", () => {
    const tree = treeOf(cases);
    const finalRoot = hex(tree.getRoot());
    for (const [k, c] of cases.entries()) {
      tree.finalize(c.eth1Data, c.blockHeight);
      expect(hex(tree.getRoot())).to.equal(finalRoot);
      const snapshot = tree.getSnapshot();
      expect(depositTreeSnapshotType().toJson(snapshot)).to.deep.equal(depositTreeSnapshotType().toJson(c.snapshot));

      const copy = DepositTree.fromSnapshot(c.snapshot);
      expect(hex(copy.getRoot())).to.equal(hex(c.eth1Data.depositRoot));
      for (const next of cases.slice(k + 1)) {
        copy.push(next.depositDataRoot);
        expect(hex(copy.getRoot())).to.equal(hex(next.eth1Data.depositRoot));
      }
      // The snapshot also survives its SSZ encoding.
      const decoded = depositTreeSnapshotType().deserialize(depositTreeSnapshotType().serialize(snapshot));
      expect(hex(DepositTree.fromSnapshot(decoded).getRoot())).to.equal(hex(c.eth1Data.depositRoot));
    }
  });

  it("proofs after finalization are valid and equal across the original, a snapshot copy and a full replay", () => {
    const subset = cases.slice(0, 128);
    const tree = treeOf(subset);
    const root = tree.getRoot();
    tree.finalize(subset[100].eth1Data, subset[100].blockHeight);
    tree.finalize(subset[105].eth1Data, subset[105].blockHeight); // finalizing twice moves forward
    tree.finalize(subset[50].eth1Data, subset[50].blockHeight); // an older finalization changes nothing
    expect(tree.finalizedCount).to.equal(106);
    const copy = DepositTree.fromSnapshot(tree.getSnapshot());
    for (const c of subset.slice(106)) copy.push(c.depositDataRoot);
    const full = treeOf(subset);
    for (let index = 106; index < 128; index++) {
      for (const t of [tree, copy, full]) expectProofValid(t, index, 128, root);
      expect(tree.getProof(index).branch.map(hex)).to.deep.equal(copy.getProof(index).branch.map(hex));
      expect(tree.getProof(index).branch.map(hex)).to.deep.equal(full.getProof(index).branch.map(hex));
      // against every historical count that includes the deposit
      for (let count = index + 1; count <= 128; count += 7) {
        expectProofValid(tree, index, count, subset[count - 1].eth1Data.depositRoot);
      }
    }
    expect(() => tree.getProof(105))
      .to.throw(DepositTreeError)
      .with.property("code", "INDEX_FINALIZED");
    expect(() => tree.getRootAt(100))
      .to.throw(DepositTreeError)
      .with.property("code", "COUNT_OUT_OF_RANGE");
  });

  it("rolls back to a count and re-pushes to the same roots", () => {
    const tree = treeOf(cases.slice(0, 300));
    tree.finalize(cases[40].eth1Data, cases[40].blockHeight);
    tree.rollback(77);
    expect(hex(tree.getRoot())).to.equal(hex(cases[76].eth1Data.depositRoot));
    for (const c of cases.slice(77, 300)) {
      tree.push(c.depositDataRoot);
      expect(hex(tree.getRoot())).to.equal(hex(c.eth1Data.depositRoot));
    }
    expect(() => tree.rollback(10))
      .to.throw(DepositTreeError)
      .with.property("code", "COUNT_OUT_OF_RANGE");
  });

  it("refuses bad input with typed errors", () => {
    expect(() => DepositTree.empty().getSnapshot())
      .to.throw(DepositTreeError)
      .with.property("code", "NOT_FINALIZED");
    const zero = new Uint8Array(32);
    const badRoot = {
      finalized: [],
      depositRoot: zero,
      depositCount: 0,
      executionBlockHash: zero,
      executionBlockHeight: 0,
    };
    expect(() => DepositTree.fromSnapshot(badRoot))
      .to.throw(DepositTreeError)
      .with.property("code", "INVALID_SNAPSHOT");
    const missingRoot = { ...cases[2].snapshot, finalized: cases[2].snapshot.finalized.slice(1) };
    expect(() => DepositTree.fromSnapshot(missingRoot))
      .to.throw(DepositTreeError)
      .with.property("code", "INVALID_SNAPSHOT");
    const tree = treeOf(cases.slice(0, 5));
    expect(() => tree.push(new Uint8Array(31)))
      .to.throw(DepositTreeError)
      .with.property("code", "INVALID_LEAF");
    expect(() => tree.getProof(5))
      .to.throw(DepositTreeError)
      .with.property("code", "INDEX_OUT_OF_RANGE");
    expect(() => tree.finalize(cases[7].eth1Data, 9))
      .to.throw(DepositTreeError)
      .with.property("code", "FINALIZE_BEYOND_COUNT");
    const wrongRoot = { ...cases[3].eth1Data, depositRoot: cases[2].eth1Data.depositRoot };
    expect(() => tree.finalize(wrongRoot, 9))
      .to.throw(DepositTreeError)
      .with.property("code", "FINALIZE_ROOT_MISMATCH");
  });
});
