// Scenario tests for the fork-choice core, following the situations of the spec's own fork-choice test suite
// (consensus-specs v1.4.0 tests/core/pyspec/eth2spec/test/phase0/fork_choice), written anew. Every step also runs
// the literal spec transcription (oracle/) and checks both agree. Preset: 4 slots per epoch, 6 s slots (a block is
// timely in its first 2 s), 16 validators of one EFFECTIVE_BALANCE_INCREMENT each, so one slot's committee weighs
// 4 increments and the proposer boost is 40% of it: 1.6 increments (more than one vote, less than two).
import { expect } from "chai";
import { ChainBuilder, GENESIS } from "./chainBuilder.js";
import { root, simpleRegistry } from "./dualForkChoice.js";

function expectRejected(outcome: { ok: boolean; code?: string }, code: string): void {
  expect(outcome).to.deep.equal({ ok: false, code });
}

const LOW = root(0x301);
const HIGH = root(0x3ff);

/** Two unvoted siblings of genesis at slot 1, added late in the slot (no boost). */
function siblings(): ChainBuilder {
  const cb = new ChainBuilder();
  cb.fc.tickToSlot(1, 3);
  expect(cb.add(HIGH, GENESIS, 1).ok).to.equal(true);
  expect(cb.add(LOW, GENESIS, 1).ok).to.equal(true);
  return cb;
}

describe("fork choice scenarios (v1.4.0)", () => {
  describe("no attestations", () => {
    it("follows a single chain to its tip", () => {
      const cb = new ChainBuilder();
      expect(cb.head()).to.equal(GENESIS);
      const chain = cb.chain(GENESIS, 1, 6, 0x100);
      expect(cb.head()).to.equal(chain[5]);
    });

    it("breaks a tie between unvoted siblings by the higher root, whatever the arrival order", () => {
      const cb = siblings();
      expect(cb.core.proposerBoostRoot).to.equal(null);
      expect(cb.head()).to.equal(HIGH);
    });
  });

  describe("split votes", () => {
    it("picks the heavier branch, and the higher root on equal weight", () => {
      const cb = siblings();
      cb.fc.tickToSlot(2);
      expect(cb.vote([0, 1, 2], LOW).ok).to.equal(true);
      expect(cb.head()).to.equal(LOW);
      expect(cb.vote([3, 4, 5], HIGH).ok).to.equal(true);
      expect(cb.head()).to.equal(HIGH); // 3 vs 3
      expect(cb.vote([6], LOW).ok).to.equal(true);
      expect(cb.head()).to.equal(LOW);
    });

    it("counts a vote for a descendant on each of its ancestors", () => {
      const cb = siblings();
      cb.fc.tickToSlot(2, 3);
      const low1 = root(0x310);
      const low2 = root(0x311);
      cb.add(low1, LOW, 2);
      cb.add(low2, LOW, 2);
      cb.fc.tickToSlot(3);
      cb.vote([0, 1], HIGH);
      cb.vote([2], low1);
      cb.vote([3], low2);
      expect(cb.head()).to.equal(HIGH); // LOW's subtree weighs 2 = HIGH's 2; HIGH has the higher root
      cb.vote([4], low1);
      expect(cb.head()).to.equal(low1); // LOW 3 > HIGH 2, then low1 2 > low2 1
    });

    it("moves a validator's weight to its newer message, and keeps the older message on a same-epoch one", () => {
      const cb = siblings();
      cb.fc.tickToSlot(2);
      cb.vote([0, 1], LOW);
      cb.vote([2], HIGH);
      expect(cb.head()).to.equal(LOW);
      // same target epoch (0): the latest message stays LOW
      cb.vote([0], HIGH, 1);
      expect(cb.head()).to.equal(LOW);
      // target epoch 1: replaces it
      cb.fc.tickToSlot(5);
      cb.vote([0], HIGH, 4);
      expect(cb.head()).to.equal(HIGH);
    });
  });

  describe("proposer boost", () => {
    it("goes to a timely block and expires at the next slot", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(1, 3);
      cb.add(HIGH, GENESIS, 1);
      expect(cb.addAt(LOW, GENESIS, 2, {}, 1).ok).to.equal(true); // 1 s into its slot: timely
      expect(cb.core.proposerBoostRoot).to.equal(LOW);
      expect(cb.head()).to.equal(LOW);
      cb.fc.tickToSlot(2, 5);
      expect(cb.head()).to.equal(LOW); // still slot 2
      cb.fc.tickToSlot(3);
      expect(cb.core.proposerBoostRoot).to.equal(null);
      expect(cb.head()).to.equal(HIGH);
    });

    it("outweighs one vote but not two (40% of a slot's committee weight)", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(1, 3);
      cb.add(HIGH, GENESIS, 1);
      cb.fc.tickToSlot(2, 0);
      expect(cb.vote([0], HIGH).ok).to.equal(true);
      cb.add(LOW, GENESIS, 2);
      expect(cb.head()).to.equal(LOW); // 1.6 > 1
      cb.vote([1], HIGH);
      expect(cb.head()).to.equal(HIGH); // 1.6 < 2
    });

    it("boosts the whole chain up to the boosted block", () => {
      const cb = siblings();
      cb.fc.tickToSlot(2);
      cb.vote([0], HIGH);
      const child = root(0x320);
      expect(cb.add(child, LOW, 2).ok).to.equal(true);
      expect(cb.head()).to.equal(child); // LOW carries the boost of its child: 1.6 > 1
    });

    it("is not given to a late block (after the first interval of its slot)", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(1, 3);
      cb.add(HIGH, GENESIS, 1);
      expect(cb.addAt(LOW, GENESIS, 2, {}, 2).ok).to.equal(true); // 2 s into a 6 s slot: attesting interval
      expect(cb.core.proposerBoostRoot).to.equal(null);
      expect(cb.head()).to.equal(HIGH);
    });

    it("is not given to a block of an earlier slot, however early it arrives", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(1, 3);
      cb.add(HIGH, GENESIS, 1);
      cb.fc.tickToSlot(2, 0);
      expect(cb.add(LOW, GENESIS, 1).ok).to.equal(true);
      expect(cb.core.proposerBoostRoot).to.equal(null);
      expect(cb.head()).to.equal(HIGH);
    });

    it("stays with the first timely block of the slot: a second timely block gets none (v1.4.0)", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(1, 0);
      expect(cb.add(LOW, GENESIS, 1).ok).to.equal(true);
      expect(cb.core.proposerBoostRoot).to.equal(LOW);
      // an equivocating proposer's second block of the slot, also timely, with the higher root
      expect(cb.addAt(HIGH, GENESIS, 1, {}, 1).ok).to.equal(true);
      expect(cb.core.isBlockTimely(HIGH)).to.equal(true);
      expect(cb.core.proposerBoostRoot).to.equal(LOW);
      expect(cb.add(root(0x302), GENESIS, 1).ok).to.equal(true);
      expect(cb.core.proposerBoostRoot).to.equal(LOW);
      expect(cb.head()).to.equal(LOW); // 1.6 increments of boost against 0 (HIGH would win the tie without it)
      // the boost expires with the slot; then the higher root wins the tie
      cb.fc.tickToSlot(2, 0);
      expect(cb.core.proposerBoostRoot).to.equal(null);
      expect(cb.head()).to.equal(HIGH);
    });

    it("is not used up by a block that is not timely: the next timely block of the slot still gets it", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(2, 0);
      expect(cb.add(HIGH, GENESIS, 1).ok).to.equal(true); // an earlier slot's block, arriving early in slot 2
      expect(cb.core.isBlockTimely(HIGH)).to.equal(false);
      expect(cb.core.proposerBoostRoot).to.equal(null);
      expect(cb.add(LOW, GENESIS, 2).ok).to.equal(true);
      expect(cb.core.isBlockTimely(LOW)).to.equal(true);
      expect(cb.core.proposerBoostRoot).to.equal(LOW);
      expect(cb.head()).to.equal(LOW);
    });

    it("records a late block as not timely, and the anchor's timeliness as unknown", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(1, 2); // 2 s into a 6 s slot: the attesting interval has begun
      expect(cb.add(LOW, GENESIS, 1).ok).to.equal(true);
      expect(cb.core.isBlockTimely(LOW)).to.equal(false);
      expect(cb.core.proposerBoostRoot).to.equal(null);
      expect(cb.core.isBlockTimely(GENESIS)).to.equal(undefined);
    });
  });

  describe("equivocations", () => {
    it("removes the weight of validators caught by an attester slashing, and ignores their later votes", () => {
      const cb = siblings();
      cb.fc.tickToSlot(2);
      cb.vote([0, 1, 2], LOW);
      cb.vote([3, 4], HIGH);
      expect(cb.head()).to.equal(LOW);
      cb.fc.slash([0, 1, 7], [0, 1, 9]); // intersection: 0 and 1
      expect(cb.head()).to.equal(HIGH); // LOW 1 < HIGH 2
      cb.fc.tickToSlot(5);
      expect(cb.vote([0, 1], LOW, 4).ok).to.equal(true); // newer epoch, but equivocators stay out
      expect(cb.head()).to.equal(HIGH);
      expect(cb.core.votes.isEquivocating(7)).to.equal(false);
    });
  });

  describe("justification", () => {
    /** Genesis <- a1 (1) <- a4 (4, epoch 1) chain; returns [a1, a4]. */
    function epochOneChain(cb: ChainBuilder): string[] {
      const a1 = root(0x501);
      const a4 = root(0x504);
      cb.addAt(a1, GENESIS, 1);
      cb.addAt(a4, a1, 4);
      return [a1, a4];
    }

    it("takes the justified checkpoint of a block's post-state and starts the head search there", () => {
      const cb = new ChainBuilder();
      const [, a4] = epochOneChain(cb);
      const fork = root(0x5ff);
      cb.fc.tickToSlot(5, 3);
      cb.add(fork, GENESIS, 2); // not through a4
      cb.fc.tickToSlot(6);
      cb.vote([0, 1, 2, 3, 4, 5], fork, 5);
      expect(cb.head()).to.equal(fork);
      const a9 = root(0x509);
      expect(cb.addAt(a9, a4, 9, { justified: { epoch: 1, root: a4 } }).ok).to.equal(true);
      expect(cb.core.justifiedCheckpoint).to.deep.equal({ epoch: 1, root: a4 });
      expect(cb.head()).to.equal(a9);
    });

    it("realizes unrealized justification at the next epoch boundary", () => {
      const cb = new ChainBuilder();
      const [, a4] = epochOneChain(cb);
      const a5 = root(0x505);
      cb.addAt(a5, a4, 5, { unrealizedJustified: { epoch: 1, root: a4 } });
      expect(cb.core.justifiedCheckpoint.epoch).to.equal(0);
      expect(cb.core.unrealizedJustifiedCheckpoint).to.deep.equal({ epoch: 1, root: a4 });
      cb.fc.tickToSlot(7, 5);
      expect(cb.core.justifiedCheckpoint.epoch).to.equal(0);
      cb.fc.tickToSlot(8);
      expect(cb.core.justifiedCheckpoint).to.deep.equal({ epoch: 1, root: a4 });
      expect(cb.head()).to.equal(a5);
    });

    it("applies a prior-epoch block's pulled-up checkpoints at once", () => {
      const cb = new ChainBuilder();
      const [, a4] = epochOneChain(cb);
      cb.fc.tickToSlot(9);
      const a6 = root(0x506);
      expect(cb.add(a6, a4, 6, { unrealizedJustified: { epoch: 1, root: a4 } }).ok).to.equal(true);
      expect(cb.core.justifiedCheckpoint).to.deep.equal({ epoch: 1, root: a4 });
      expect(cb.head()).to.equal(a6);
    });

    it("filters out a heavier branch whose voting source is neither the justified one nor within two epochs", () => {
      const cb = new ChainBuilder();
      const [, a4] = epochOneChain(cb);
      const good = root(0x510);
      const bad = root(0x5f0);
      cb.fc.tickToSlot(13, 3);
      cb.add(good, a4, 13, { justified: { epoch: 1, root: a4 } });
      cb.add(bad, a4, 13); // realized and unrealized justification still at genesis
      cb.fc.tickToSlot(14);
      cb.vote([0, 1, 2, 3, 4], bad, 13);
      cb.vote([5], good, 13);
      expect(cb.core.justifiedCheckpoint.epoch).to.equal(1);
      expect(cb.head()).to.equal(good); // bad: voting source 0, justified 1, current epoch 3 > 0 + 2
    });

    it("keeps a leaf viable while its voting source is at most two epochs old, then judges it by its pull-up", () => {
      const cb = new ChainBuilder();
      const [, a4] = epochOneChain(cb);
      const good = root(0x510);
      const pulled = root(0x520);
      const stale = root(0x5e0);
      cb.fc.tickToSlot(9, 3);
      cb.add(good, a4, 9, { justified: { epoch: 1, root: a4 } }); // makes epoch 1 the store's justified
      cb.add(pulled, a4, 9, { unrealizedJustified: { epoch: 1, root: a4 } }); // realized 0, unrealized 1
      cb.add(stale, a4, 9); // realized 0, unrealized 0
      cb.fc.tickToSlot(10);
      cb.vote([0, 1, 2], stale, 9);
      cb.vote([3, 4], pulled, 9);
      cb.vote([5], good, 9);
      expect(cb.core.justifiedCheckpoint.epoch).to.equal(1);
      // epoch 2: every leaf votes with its realized source; 0 + 2 >= 2 keeps stale and pulled viable
      // (v1.3.0 filtered stale out here: its unrealized justification is behind the store's)
      expect(cb.head()).to.equal(stale);
      // epoch 3: the blocks are from a prior epoch and vote with their pulled-up source: stale (0) is out, pulled
      // (1, the justified epoch) stays
      cb.fc.tickToSlot(12);
      expect(cb.core.justifiedCheckpoint.epoch).to.equal(1);
      expect(cb.head()).to.equal(pulled);
    });
  });

  describe("rejected blocks", () => {
    it("rejects a block from the future, with an unknown parent, or not after/below finality", () => {
      const cb = new ChainBuilder();
      cb.fc.tickToSlot(1);
      expectRejected(cb.add(root(0x601), GENESIS, 2), "BLOCK_FROM_FUTURE");
      expectRejected(cb.add(root(0x602), root(0xdead), 1), "UNKNOWN_PARENT");

      const a4 = root(0x604);
      const fork = root(0x6f2);
      cb.add(root(0x603), GENESIS, 1);
      cb.addAt(fork, GENESIS, 2);
      cb.addAt(a4, root(0x603), 4);
      const a8 = root(0x608);
      cb.addAt(a8, a4, 8, { justified: { epoch: 1, root: a4 } });
      cb.addAt(root(0x60c), a8, 12, { justified: { epoch: 2, root: a8 }, finalized: { epoch: 1, root: a4 } });
      expect(cb.core.finalizedCheckpoint).to.deep.equal({ epoch: 1, root: a4 });
      expectRejected(cb.add(root(0x610), root(0x603), 3), "BLOCK_NOT_AFTER_FINALIZED_SLOT");
      expectRejected(cb.add(root(0x611), GENESIS, 4), "BLOCK_NOT_AFTER_FINALIZED_SLOT");
      expectRejected(cb.add(root(0x612), fork, 12), "BLOCK_NOT_FINALIZED_DESCENDANT");
      expect(cb.add(root(0x613), a4, 12).ok).to.equal(true);
    });
  });

  describe("attestations", () => {
    it("rejects what validate_on_attestation rejects, with a code per rule", () => {
      const cb = siblings();
      const target0 = { epoch: 0, root: GENESIS };
      // from the current slot
      expectRejected(
        cb.fc.attest([0], { slot: 1, beaconBlockRoot: LOW, target: target0 }),
        "ATTESTATION_FROM_CURRENT_OR_FUTURE_SLOT",
      );
      cb.fc.tickToSlot(2);
      expectRejected(
        cb.fc.attest([0], { slot: 0, beaconBlockRoot: LOW, target: target0 }),
        "ATTESTATION_BLOCK_AFTER_ATTESTATION_SLOT",
      );
      expectRejected(
        cb.fc.attest([0], { slot: 1, beaconBlockRoot: root(0xbad), target: target0 }),
        "ATTESTATION_UNKNOWN_BEACON_BLOCK_ROOT",
      );
      expectRejected(
        cb.fc.attest([0], { slot: 1, beaconBlockRoot: LOW, target: { epoch: 0, root: root(0xbad) } }),
        "ATTESTATION_UNKNOWN_TARGET_ROOT",
      );
      expectRejected(
        cb.fc.attest([0], { slot: 1, beaconBlockRoot: LOW, target: { epoch: 0, root: HIGH } }),
        "ATTESTATION_TARGET_NOT_ANCESTOR_OF_BLOCK",
      );
      expectRejected(
        cb.fc.attest([0], { slot: 4, beaconBlockRoot: LOW, target: target0 }),
        "ATTESTATION_TARGET_EPOCH_SLOT_MISMATCH",
      );
      cb.fc.tickToSlot(12);
      expectRejected(
        cb.fc.attest([0], { slot: 1, beaconBlockRoot: LOW, target: target0 }),
        "ATTESTATION_TARGET_EPOCH_NOT_CURRENT_OR_PREVIOUS",
      );
      // the same attestation inside a block skips the time window
      expect(cb.fc.attest([0], { slot: 1, beaconBlockRoot: LOW, target: target0 }, true).ok).to.equal(true);
      expect(cb.head()).to.equal(LOW);
    });
  });

  describe("a long unfinalized fork", () => {
    it("stops counting once finality lands on the other branch, and is pruned", () => {
      const cb = new ChainBuilder(simpleRegistry(new Array(16).fill(1)));
      // fork: genesis <- f2 <- f3 <- f5 <- f6 <- f7, carried by 10 of the 16 validators
      const forkRoots = [2, 3, 5, 6, 7].map((s) => root(0x7f00 + s));
      cb.addAt(forkRoots[0], GENESIS, 2, {}, 3);
      for (let i = 1; i < forkRoots.length; i++) {
        cb.addAt(forkRoots[i], forkRoots[i - 1], [2, 3, 5, 6, 7][i], {}, 3);
      }
      // canonical: genesis <- c1 <- c4 ... voted by 6
      const c1 = root(0x701);
      const c4 = root(0x704);
      cb.fc.tickToSlot(7, 4);
      cb.add(c1, GENESIS, 1);
      cb.add(c4, c1, 4);
      cb.fc.tickToSlot(8, 3);
      cb.vote([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], forkRoots[4], 7);
      cb.vote([10, 11, 12, 13, 14, 15], c4, 7);
      expect(cb.head()).to.equal(forkRoots[4]);
      const forkSize = cb.core.protoArray.length;

      // canonical chain justifies epoch 1 (c4), then epoch 2, and finalizes epoch 1
      const c8 = root(0x708);
      cb.add(c8, c4, 8, { justified: { epoch: 1, root: c4 } });
      expect(cb.head()).to.equal(c8);
      const c12 = root(0x70c);
      cb.addAt(c12, c8, 12, { justified: { epoch: 2, root: c8 }, finalized: { epoch: 1, root: c4 } }, 3);
      expect(cb.head()).to.equal(c12);
      expect(forkSize).to.equal(8);
      expect(cb.core.protoArray.length).to.equal(3); // c4, c8, c12: genesis, c1 and the fork pruned
      expect(cb.core.protoArray.hasBlock(forkRoots[4])).to.equal(false);

      // the fork can no longer grow, and votes for it (still valid per the spec) weigh nothing
      cb.fc.tickToSlot(13, 3);
      expectRejected(cb.add(root(0x7f0d), forkRoots[4], 13), "BLOCK_NOT_FINALIZED_DESCENDANT");
      expect(cb.vote([10, 11], forkRoots[4], 12).ok).to.equal(true);
      expect(cb.head()).to.equal(c12);
    });
  });
});
