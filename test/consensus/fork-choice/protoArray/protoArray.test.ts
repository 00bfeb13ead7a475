// Known-answer tests of the proto-array pieces: vote deltas over typed arrays, and weight comparisons that stay exact
// where Gwei sums pass 2^53 (a million 1000-BTCC validators weigh 1e18 Gwei).
import { expect } from "chai";
import { computeDeltas } from "../../../../consensus/fork-choice/protoArray/computeDeltas.js";
import { computeProposerScore } from "../../../../consensus/fork-choice/protoArray/proposerScore.js";
import { ProtoArray } from "../../../../consensus/fork-choice/protoArray/protoArray.js";
import { NO_VOTE, VoteTracker } from "../../../../consensus/fork-choice/protoArray/voteTracker.js";
import type { BlockSummary } from "../../../../consensus/fork-choice/types.js";
import { root } from "../dualForkChoice.js";

const cfg = { SLOTS_PER_EPOCH: 32, SECONDS_PER_SLOT: 12, EFFECTIVE_BALANCE_INCREMENT: 1_000_000_000 };
const genesisCheckpoint = { epoch: 0, root: root(1) };

function summary(blockRoot: string, parentRoot: string, slot: number): BlockSummary {
  return {
    root: blockRoot,
    parentRoot,
    slot,
    justifiedCheckpoint: genesisCheckpoint,
    finalizedCheckpoint: genesisCheckpoint,
    unrealizedJustifiedCheckpoint: genesisCheckpoint,
    unrealizedFinalizedCheckpoint: genesisCheckpoint,
  };
}

describe("fork-choice proto-array pieces", () => {
  describe("computeDeltas", () => {
    it("moves each validator's old balance off its counted vote and its new balance onto its latest message", () => {
      const votes = new VoteTracker(2); // grows past its initial capacity
      votes.updateLatestMessage(0, 1, 0);
      votes.updateLatestMessage(1, 1, 0);
      votes.updateLatestMessage(2, 2, 0);
      let deltas = computeDeltas(3, votes, new Uint32Array(0), Uint32Array.of(10, 20, 30));
      expect([...deltas]).to.deep.equal([0, 30, 30]);
      expect([...votes.current.subarray(0, 3)]).to.deep.equal([1, 1, 2]);

      // validator 0 moves to node 2; validator 2's balance drops to 5; validator 1 stays
      votes.updateLatestMessage(0, 2, 1);
      votes.updateLatestMessage(1, 0, 0); // same epoch: ignored
      deltas = computeDeltas(3, votes, Uint32Array.of(10, 20, 30), Uint32Array.of(10, 20, 5));
      expect([...deltas]).to.deep.equal([0, -10, 10 - 30 + 5]);

      // an equivocator's counted weight leaves, and nothing of it comes back
      votes.markEquivocating(1);
      votes.updateLatestMessage(1, 2, 5);
      deltas = computeDeltas(3, votes, Uint32Array.of(10, 20, 5), Uint32Array.of(10, 20, 5));
      expect([...deltas]).to.deep.equal([0, -20, 0]);
      expect(votes.current[1]).to.equal(NO_VOTE);
      deltas = computeDeltas(3, votes, Uint32Array.of(10, 20, 5), Uint32Array.of(10, 20, 5));
      expect([...deltas]).to.deep.equal([0, 0, 0]);
    });

    it("counts validators beyond the balances array as zero", () => {
      const votes = new VoteTracker();
      votes.updateLatestMessage(5, 0, 0);
      expect([...computeDeltas(1, votes, new Uint32Array(0), Uint32Array.of(1, 1))]).to.deep.equal([0]);
    });
  });

  describe("computeProposerScore", () => {
    it("is (total // SLOTS_PER_EPOCH) * 40 // 100 in Gwei, split into increments and a remainder", () => {
      // a million validators of 1000 BTCC: 1e18 Gwei, beyond 2^53
      const score = computeProposerScore(cfg, 10n ** 18n);
      expect(score.gwei).to.equal(((10n ** 18n / 32n) * 40n) / 100n);
      expect(score.increments).to.equal(Number(score.gwei / 1_000_000_000n));
      expect(score.remainderGwei).to.equal(Number(score.gwei % 1_000_000_000n));
      // committee weight 33 Gwei -> 13.2 -> 13
      expect(computeProposerScore({ ...cfg, SLOTS_PER_EPOCH: 1 }, 33n).gwei).to.equal(13n);
    });
  });

  describe("findHead", () => {
    function siblings(): ProtoArray {
      const tree = new ProtoArray(cfg);
      tree.onBlock(summary(root(1), root(0), 0));
      tree.onBlock(summary(root(0x10), root(1), 1)); // lower root
      tree.onBlock(summary(root(0x20), root(1), 1)); // higher root
      return tree;
    }
    const input = {
      justifiedCheckpoint: genesisCheckpoint,
      finalizedCheckpoint: genesisCheckpoint,
      currentEpoch: 0,
      proposerBoostRoot: null,
      proposerScore: { gwei: 0n, increments: 0, remainderGwei: 0 },
    };

    it("stays exact above 2^53 Gwei: a 1-Gwei boost remainder decides between 9e18-Gwei branches", () => {
      const tree = siblings();
      const heavy = 9_000_000_000; // increments: 9e18 Gwei
      tree.applyScoreChanges(Float64Array.of(0, heavy + 1, heavy));
      // lower root: heavy + 1 increments; higher root: heavy increments + boost of 1 increment + 1 Gwei
      const boost = { gwei: 1_000_000_001n, increments: 1, remainderGwei: 1 };
      expect(tree.findHead({ ...input, proposerBoostRoot: root(0x20), proposerScore: boost })).to.equal(root(0x20));
      // with a boost of exactly one increment the weights tie and the higher root wins too
      const exact = { gwei: 1_000_000_000n, increments: 1, remainderGwei: 0 };
      expect(tree.findHead({ ...input, proposerBoostRoot: root(0x20), proposerScore: exact })).to.equal(root(0x20));
      // the same boost on the lower root makes it heavier
      expect(tree.findHead({ ...input, proposerBoostRoot: root(0x10), proposerScore: exact })).to.equal(root(0x10));
      // without boost the extra increment decides
      expect(tree.findHead(input)).to.equal(root(0x10));
    });

    it("prunes to the finalized block's subtree and reports old -> new indices", () => {
      const tree = siblings();
      tree.onBlock(summary(root(0x21), root(0x20), 2));
      const map = tree.prune(root(0x20))!;
      expect([...map]).to.deep.equal([-1, -1, 0, 1]);
      expect(tree.nodes.map((n) => n.root)).to.deep.equal([root(0x20), root(0x21)]);
      expect(tree.isKnown(root(0x10))).to.equal(true);
      expect(tree.hasBlock(root(0x10))).to.equal(false);
      expect(tree.getAncestor(root(0x21), 0)).to.equal(root(1)); // walks on through pruned blocks
      expect(tree.prune(root(0x20))).to.equal(null);
    });
  });
});
