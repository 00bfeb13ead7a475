// The Store handlers over real blocks and states (minimal preset, 64 validators, signatures not checked): on_block
// runs the engine's state transition, checkpoints and pulled-up tips come from real epoch processing, attestations
// are checked against real committees.
import { expect } from "chai";
import { ForkChoiceError } from "../../../../consensus/fork-choice/errors.js";
import {
  type ForkChoiceStore,
  getForkchoiceStore,
  getHead,
  onAttestation,
  onAttesterSlashing,
  onBlock,
  onTick,
} from "../../../../consensus/fork-choice/store/index.js";
import type { BeaconConfig } from "../../../../consensus/params/beaconConfig.js";
import { getIndexedAttestation } from "../../../../consensus/state-transition/accessors/getIndexedAttestation.js";
import type { Attestation, BeaconState, SignedBeaconBlock } from "../../../../consensus/types/index.js";
import {
  blockRoot,
  buildAttestations,
  buildBlock,
  GENESIS_TIME,
  genesisState,
  hex,
  minimalConfig,
} from "./engineChain.js";

const VALIDATORS = 64;

function expectCode(fn: () => void, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(ForkChoiceError);
    expect((e as ForkChoiceError).code).to.equal(code);
    return;
  }
  expect.fail(`expected ForkChoiceError ${code}`);
}

interface Tip {
  root: Uint8Array;
  state: BeaconState;
}

describe("fork choice Store over the state transition (minimal preset)", function () {
  this.timeout(120_000);
  let cfg: BeaconConfig;
  let genesis: { state: BeaconState; block: ReturnType<typeof genesisState>["block"] };

  before(() => {
    cfg = minimalConfig();
    genesis = genesisState(cfg, VALIDATORS);
  });

  function newStore(): { store: ForkChoiceStore; tip: Tip } {
    const store = getForkchoiceStore(cfg, genesis.state, genesis.block, { verifySignatures: false });
    return { store, tip: { root: cfg.types.BeaconBlock.hashTreeRoot(genesis.block), state: genesis.state } };
  }

  function tickTo(store: ForkChoiceStore, slot: number, seconds = 0): void {
    onTick(store, GENESIS_TIME + slot * cfg.SECONDS_PER_SLOT + seconds);
  }

  /** Ticks to `slot`, builds a block on `parent` with `attestations` and hands it to on_block. */
  function addBlock(store: ForkChoiceStore, parent: Tip, slot: number, attestations: Attestation[] = [], graffiti = 0) {
    tickTo(store, slot);
    const { signed, postState } = buildBlock(cfg, parent.state, slot, attestations, graffiti);
    onBlock(store, signed);
    for (const attestation of attestations) onAttestation(store, attestation, true);
    return { signed, tip: { root: blockRoot(cfg, signed), state: postState } };
  }

  it("refuses an anchor block whose state root is not the anchor state's", () => {
    const block = { ...genesis.block, stateRoot: new Uint8Array(32) };
    expectCode(() => getForkchoiceStore(cfg, genesis.state, block), "INVALID_ANCHOR");
  });

  it("follows a fully attested chain, justifies and finalizes through real epoch processing, and prunes", () => {
    const { store } = newStore();
    let { tip } = newStore();
    let pending: Attestation[] = [];
    let sawUnrealizedAhead = false;
    const lastSlot = cfg.SLOTS_PER_EPOCH * 5;
    for (let slot = 1; slot <= lastSlot; slot++) {
      const added = addBlock(store, tip, slot, pending);
      tip = added.tip;
      pending = buildAttestations(cfg, tip.state, tip.root, slot);
      const fc = store.forkChoice;
      if (fc.unrealizedJustifiedCheckpoint.epoch > fc.justifiedCheckpoint.epoch) sawUnrealizedAhead = true;
      expect(getHead(store)).to.equal(hex(tip.root));
    }
    const fc = store.forkChoice;
    // the head state's own checkpoints, and the store at least as far (pull-up tips run ahead of the state)
    expect(tip.state.finalizedCheckpoint.epoch).to.be.at.least(2);
    expect(fc.justifiedCheckpoint.epoch).to.be.at.least(tip.state.currentJustifiedCheckpoint.epoch);
    expect(fc.finalizedCheckpoint.epoch).to.be.at.least(tip.state.finalizedCheckpoint.epoch);
    expect(sawUnrealizedAhead).to.equal(true);
    // everything before the finalized block is pruned, in the tree and in the store's maps
    const finalizedSlot = fc.protoArray.getNode(fc.finalizedCheckpoint.root)!.slot;
    expect(fc.protoArray.length).to.equal(lastSlot - finalizedSlot + 1);
    expect(store.blocks.size).to.equal(fc.protoArray.length);
    expect(store.blockStates.size).to.equal(fc.protoArray.length);
  });

  it("keeps the proposer boost on the first timely block when a second block of the slot arrives (v1.4.0)", () => {
    const { store, tip: genesisTip } = newStore();
    const a1 = addBlock(store, genesisTip, 1);
    // two blocks of slot 2 by the same proposer (different graffiti); the lower root arrives first
    const built = [1, 2].map((graffiti) => buildBlock(cfg, a1.tip.state, 2, [], graffiti).signed);
    const [first, second] = built.sort((x, y) => (hex(blockRoot(cfg, x)) < hex(blockRoot(cfg, y)) ? -1 : 1));
    const firstRoot = hex(blockRoot(cfg, first));
    const secondRoot = hex(blockRoot(cfg, second));
    tickTo(store, 2);
    onBlock(store, first);
    // just before the end of the boost interval: still timely
    tickTo(store, 2, Math.floor(cfg.SECONDS_PER_SLOT / 3) - 1);
    onBlock(store, second);
    const fc = store.forkChoice;
    expect([fc.isBlockTimely(firstRoot), fc.isBlockTimely(secondRoot)]).to.deep.equal([true, true]);
    expect(fc.proposerBoostRoot).to.equal(firstRoot);
    expect(getHead(store)).to.equal(firstRoot); // without the boost the higher root would win the tie
    tickTo(store, 3);
    expect(fc.proposerBoostRoot).to.equal(null);
    expect(getHead(store)).to.equal(secondRoot);
  });

  it("picks the branch the attestations vote for, and drops equivocators' weight after an attester slashing", () => {
    const { store, tip: genesisTip } = newStore();
    const a1 = addBlock(store, genesisTip, 1);
    // two siblings at slot 2 (different graffiti); the second one arrives late, so neither keeps a boost at slot 3
    const left = addBlock(store, a1.tip, 2, [], 1);
    tickTo(store, 2, cfg.SECONDS_PER_SLOT - 1);
    const { signed: rightSigned, postState: rightState } = buildBlock(cfg, a1.tip.state, 2, [], 2);
    onBlock(store, rightSigned);
    const right: Tip = { root: blockRoot(cfg, rightSigned), state: rightState };
    tickTo(store, 3, cfg.SECONDS_PER_SLOT - 1); // late in slot 3: attestations of slot 2 count, no new boost
    const leftRoot = hex(left.tip.root);
    const rightRoot = hex(right.root);
    const [, higherRoot] = [leftRoot, rightRoot].sort();
    expect(getHead(store)).to.equal(higherRoot);

    // slot-2 committees split: validators < 40 vote for the lower-root branch, the rest for the higher
    const lowerTip = leftRoot > rightRoot ? right : left.tip;
    const higherTip = leftRoot > rightRoot ? left.tip : right;
    const forLower = buildAttestations(cfg, lowerTip.state, lowerTip.root, 2, (v) => v < 40);
    const forHigher = buildAttestations(cfg, higherTip.state, higherTip.root, 2, (v) => v >= 40);
    for (const attestation of [...forLower, ...forHigher]) onAttestation(store, attestation);
    expect(getHead(store)).to.equal(hex(lowerTip.root));

    // validators 0..29 of the lower branch also signed a conflicting vote (same target, other block): slashed
    const state = store.blockStates.get(hex(a1.tip.root))!;
    const conflicting = buildAttestations(cfg, higherTip.state, higherTip.root, 2, (v) => v < 30);
    const own = buildAttestations(cfg, lowerTip.state, lowerTip.root, 2, (v) => v < 30);
    const committeeOf = (att: Attestation) => att.data.index;
    for (const mine of own) {
      const other = conflicting.find((c) => committeeOf(c) === committeeOf(mine))!;
      onAttesterSlashing(store, {
        attestation1: getIndexedAttestation(cfg, state, mine),
        attestation2: getIndexedAttestation(cfg, state, other),
      });
    }
    expect(getHead(store)).to.equal(hex(higherTip.root));

    // the same attestation twice is not slashable
    const indexed = getIndexedAttestation(cfg, state, own[0]);
    expectCode(
      () => onAttesterSlashing(store, { attestation1: indexed, attestation2: indexed }),
      "ATTESTER_SLASHING_NOT_SLASHABLE",
    );
  });

  it("refuses blocks from the future, with unknown parents or failing the state transition, leaving the store as it was", () => {
    const { store, tip } = newStore();
    const a1 = addBlock(store, tip, 1);
    const { signed: future } = buildBlock(cfg, a1.tip.state, 3);
    expectCode(() => onBlock(store, future), "BLOCK_FROM_FUTURE");

    tickTo(store, 3);
    const orphan: SignedBeaconBlock = {
      ...future,
      message: { ...future.message, parentRoot: new Uint8Array(32).fill(7) },
    };
    expectCode(() => onBlock(store, orphan), "UNKNOWN_PARENT");

    const badRoot: SignedBeaconBlock = {
      ...future,
      message: { ...future.message, stateRoot: new Uint8Array(32).fill(9) },
    };
    expectCode(() => onBlock(store, badRoot), "INVALID_BLOCK");
    expect(store.blocks.size).to.equal(2);
    expect(store.forkChoice.protoArray.length).to.equal(2);
    onBlock(store, future);
    expect(getHead(store)).to.equal(hex(blockRoot(cfg, future)));
  });

  it("checks wire attestations against the store's clock and the target state's committees", () => {
    const { store, tip } = newStore();
    const a1 = addBlock(store, tip, 1);
    const atts = buildAttestations(cfg, a1.tip.state, a1.tip.root, 1);
    expectCode(() => onAttestation(store, atts[0]), "ATTESTATION_FROM_CURRENT_OR_FUTURE_SLOT");
    tickTo(store, 2);
    const wrongCommittee: Attestation = { ...atts[0], data: { ...atts[0].data, index: 99 } };
    expectCode(() => onAttestation(store, wrongCommittee), "INVALID_INDEXED_ATTESTATION");
    onAttestation(store, atts[0]);
    tickTo(store, cfg.SLOTS_PER_EPOCH * 2 + 1);
    expectCode(() => onAttestation(store, atts[0]), "ATTESTATION_TARGET_EPOCH_NOT_CURRENT_OR_PREVIOUS");
  });
});
