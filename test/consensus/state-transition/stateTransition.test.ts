import { expect } from "chai";
import { hashBeaconState } from "../../../consensus/state-transition/caches/stateRoot.js";
import { BlockProcessingError } from "../../../consensus/state-transition/errors.js";
import { stateTransition } from "../../../consensus/state-transition/stateTransition.js";
import type { BeaconState, SignedBeaconBlock } from "../../../consensus/types/index.js";
import { attestationsFor, cfg, genesisState, resign, signedBlockAt } from "./support/chain.js";

const { types } = cfg;
const root = (s: BeaconState) => Buffer.from(types.BeaconState.hashTreeRoot(s)).toString("hex");

/** Runs a transition expected to fail; returns the error and checks the input state did not change. */
function expectRejected(state: BeaconState, block: SignedBeaconBlock, code: string): void {
  const before = root(state);
  let error: unknown;
  try {
    stateTransition(cfg, state, block);
  } catch (e) {
    error = e;
  }
  expect(error, "transition must throw").to.be.instanceOf(BlockProcessingError);
  expect((error as BlockProcessingError).code).to.equal(code);
  expect((error as Error).message).to.include(code);
  expect(root(state), "input state must be unchanged").to.equal(before);
  expect(Buffer.from(hashBeaconState(cfg, state)).toString("hex"), "incremental root of the input").to.equal(before);
}

describe("stateTransition", function () {
  this.timeout(60_000);
  let genesis: BeaconState;
  let block1: SignedBeaconBlock;

  before(() => {
    genesis = genesisState();
    block1 = signedBlockAt(genesis, 1);
  });

  it("applies a produced, signed block and returns a new state with the block's state root", () => {
    const before = root(genesis);
    const post = stateTransition(cfg, genesis, block1);
    expect(post).to.not.equal(genesis);
    expect(post.slot).to.equal(1);
    expect(root(post)).to.equal(Buffer.from(block1.message.stateRoot).toString("hex"));
    expect(root(genesis)).to.equal(before);
  });

  it("rejects a wrong state root (INVALID_STATE_ROOT)", () => {
    const bad = types.BeaconBlock.clone(block1.message);
    bad.stateRoot = new Uint8Array(32).fill(1);
    expectRejected(genesis, resign(genesis, bad), "INVALID_STATE_ROOT");
  });

  it("rejects a signature by someone else (INVALID_BLOCK_SIGNATURE)", () => {
    const bad = types.SignedBeaconBlock.clone(block1);
    bad.signature = signedBlockAt(genesis, 2).signature;
    expectRejected(genesis, bad, "INVALID_BLOCK_SIGNATURE");
  });

  it("rejects a block from the wrong proposer (INVALID_PROPOSER_INDEX)", () => {
    const bad = types.BeaconBlock.clone(block1.message);
    bad.proposerIndex = (bad.proposerIndex + 1) % genesis.validators.length;
    expectRejected(genesis, resign(genesis, bad), "INVALID_PROPOSER_INDEX");
  });

  it("rejects a block whose second attestation is invalid and leaves the input untouched", () => {
    const s1 = stateTransition(cfg, genesis, block1);
    const good = attestationsFor(s1);
    const stale = types.Attestation.clone(good[0]);
    stale.data.source.epoch = 5;
    const block = types.BeaconBlock.clone(signedBlockAt(s1, 2, good).message);
    block.body.attestations.push(stale);
    const attestationsBefore = s1.currentEpochAttestations.length;
    expectRejected(s1, resign(s1, block), "INVALID_ATTESTATION_SOURCE");
    expect(s1.currentEpochAttestations).to.have.length(attestationsBefore);
  });

  it("rejects a block for a slot that is not in the future (SLOT_NOT_IN_FUTURE)", () => {
    const s1 = stateTransition(cfg, genesis, block1);
    expectRejected(s1, block1, "SLOT_NOT_IN_FUTURE");
  });

  it("justifies and finalizes with full participation over four epochs", () => {
    let state = genesis;
    let pending = [] as ReturnType<typeof attestationsFor>;
    for (let slot = 1; slot <= 4 * cfg.SLOTS_PER_EPOCH; slot++) {
      state = stateTransition(cfg, state, signedBlockAt(state, slot, pending));
      pending = attestationsFor(state);
    }
    expect(state.currentJustifiedCheckpoint.epoch).to.be.at.least(2);
    expect(state.finalizedCheckpoint.epoch).to.be.at.least(1);
  });
});
