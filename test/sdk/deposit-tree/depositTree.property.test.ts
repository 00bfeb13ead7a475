import { ByteVectorType, ListCompositeType } from "@chainsafe/ssz";
import { expect } from "chai";
import fc from "fast-check";
import { DepositTree, depositDataRoot } from "../../../sdk/deposit-tree/index.js";
import { DepositData } from "../../../sdk/ssz/index.js";
import { isValidMerkleBranch } from "./isValidMerkleBranch.js";

// The spec's view of the deposit list: hash_tree_root(List[DepositData, 2**32]).
const DepositList = new ListCompositeType(DepositData, 2 ** 32);
// The same list shape over raw leaves (a Bytes32 is its own hash_tree_root): the root of any leaf sequence.
const LeafList = new ListCompositeType(new ByteVectorType(32), 2 ** 32);

const depositDataArb = fc.record({
  pubkey: fc.uint8Array({ minLength: 48, maxLength: 48 }),
  withdrawalCredentials: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  amount: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  signature: fc.uint8Array({ minLength: 96, maxLength: 96 }),
});

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("sdk/deposit-tree: properties against @chainsafe/ssz", () => {
  it("root after every push equals hash_tree_root(List[DepositData, 2**32])", () => {
    fc.assert(
      fc.property(fc.array(depositDataArb, { maxLength: 70 }), (deposits) => {
        const tree = DepositTree.empty();
        expect(hex(tree.getRoot())).to.equal(hex(DepositList.hashTreeRoot([])));
        for (let i = 0; i < deposits.length; i++) {
          tree.push(DepositData.hashTreeRoot(deposits[i]));
          expect(hex(tree.getRoot())).to.equal(hex(DepositList.hashTreeRoot(deposits.slice(0, i + 1))));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("every proof verifies with is_valid_merkle_branch against the root at its historical count, also after finalizing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (leaves, a, b, c) => {
          const tree = DepositTree.empty();
          for (const leaf of leaves) tree.push(leaf);
          // finalized <= index < count <= leaves.length
          const count = 1 + (a % leaves.length);
          const index = b % count;
          const finalized = c % (index + 1);
          const rootAt = (n: number) => LeafList.hashTreeRoot(leaves.slice(0, n));
          const finalizedRoot = tree.getRootAt(finalized);
          tree.finalize({ depositRoot: finalizedRoot, depositCount: finalized, blockHash: new Uint8Array(32) }, 1);
          const { leaf, branch } = tree.getProof(index, count);
          expect(hex(leaf)).to.equal(hex(leaves[index]));
          expect(isValidMerkleBranch(leaf, branch, 33, index, rootAt(count))).to.equal(true);
          expect(hex(tree.getRootAt(count))).to.equal(hex(rootAt(count)));
          // the same proof is not valid for a neighbouring index
          if (count > 1) {
            const other = (index + 1) % count;
            const same = hex(leaves[other]) === hex(leaf);
            if (!same) expect(isValidMerkleBranch(leaf, branch, 33, other, rootAt(count))).to.equal(false);
          }
          // a copy from the snapshot proves the same way
          const copy = DepositTree.fromSnapshot(tree.getSnapshot());
          for (const l of leaves.slice(finalized)) copy.push(l);
          expect(copy.getProof(index, count).branch.map(hex)).to.deep.equal(branch.map(hex));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("sdk/deposit-tree: depositDataRoot", () => {
  it("equals DepositData.hashTreeRoot on random deposits (and the EIP-4881 cases' roots via the other tests)", () => {
    fc.assert(
      fc.property(depositDataArb, (d) => {
        expect(hex(depositDataRoot(d))).to.equal(hex(DepositData.hashTreeRoot(d)));
      }),
      { numRuns: 500 },
    );
  });
});

describe("sdk/deposit-tree: across storage chunks (4096 nodes per chunk)", () => {
  it("roots, proofs, pruning and rollback stay right past chunk boundaries", () => {
    const leaves = Array.from({ length: 10_000 }, (_, i) => {
      const leaf = new Uint8Array(32);
      new DataView(leaf.buffer).setUint32(0, i * 2654435761);
      leaf[31] = i % 251;
      return leaf;
    });
    const tree = DepositTree.empty();
    for (const leaf of leaves) tree.push(leaf);
    const rootAt = (n: number) => LeafList.hashTreeRoot(leaves.slice(0, n));
    expect(hex(tree.getRoot())).to.equal(hex(rootAt(10_000)));
    tree.finalize({ depositRoot: rootAt(8_193), depositCount: 8_193, blockHash: new Uint8Array(32) }, 1);
    for (const [index, count] of [
      [8_193, 8_194],
      [9_000, 10_000],
      [9_999, 10_000],
      [8_500, 9_100],
    ]) {
      const { leaf, branch } = tree.getProof(index, count);
      expect(isValidMerkleBranch(leaf, branch, 33, index, rootAt(count)), `${index}@${count}`).to.equal(true);
    }
    tree.rollback(8_300);
    expect(hex(tree.getRoot())).to.equal(hex(rootAt(8_300)));
    for (const leaf of leaves.slice(8_300)) tree.push(leaf);
    expect(hex(tree.getRoot())).to.equal(hex(rootAt(10_000)));
    const copy = DepositTree.fromSnapshot(tree.getSnapshot());
    for (const leaf of leaves.slice(8_193)) copy.push(leaf);
    expect(hex(copy.getRoot())).to.equal(hex(rootAt(10_000)));
    expect(copy.getProof(9_876).branch.map(hex)).to.deep.equal(tree.getProof(9_876).branch.map(hex));
  });
});
