import { expect } from "chai";
import { getBlockSignatureSets } from "../../../consensus/state-transition/block/getBlockSignatureSets.js";
import { verifyAggregateSignatureSets } from "../../../consensus/state-transition/crypto/verifyAggregateSignatureSets.js";
import { computeDomain } from "../../../consensus/state-transition/misc/computeDomain.js";
import { computeSigningRoot } from "../../../consensus/state-transition/misc/computeSigningRoot.js";
import { processSlots } from "../../../consensus/state-transition/slot/processSlots.js";
import { type StateTransitionOptions, stateTransition } from "../../../consensus/state-transition/stateTransition.js";
import type { Deposit, DepositData } from "../../../consensus/types/index.js";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { DepositTree } from "../../../sdk/deposit-tree/index.js";
import { attestationsFor, cfg, genesisState, publicKey, secretKey, signedBlockAt } from "./support/chain.js";

const { types } = cfg;

describe("block signatures in one batch", function () {
  this.timeout(60_000);

  it("collects block, RANDAO and attestation signatures; the batch passes, and fails if one is tampered", () => {
    const genesis = genesisState();
    const s1 = stateTransition(cfg, genesis, signedBlockAt(genesis, 1));
    const attestations = attestationsFor(s1);
    const block = signedBlockAt(s1, 2, attestations);
    const advanced = types.BeaconState.clone(s1);
    processSlots(cfg, advanced, 2);
    const sets = getBlockSignatureSets(cfg, advanced, block, true);
    expect(sets).to.have.length(2 + attestations.length);
    expect(verifyAggregateSignatureSets(sets)).to.equal(true);
    const tampered = sets.map((s, i) => (i === sets.length - 1 ? { ...s, message: new Uint8Array(32) } : s));
    expect(verifyAggregateSignatureSets(tampered)).to.equal(false);
    expect(verifyAggregateSignatureSets([])).to.equal(true);
  });

  it("with signatureSets the checks are deferred: a bad signature does not throw, its set fails the caller's batch", () => {
    const genesis = genesisState();
    const s1 = stateTransition(cfg, genesis, signedBlockAt(genesis, 1));
    const attestations = attestationsFor(s1);
    const good = signedBlockAt(s1, 2, attestations);
    const sets: Parameters<typeof verifyAggregateSignatureSets>[0] = [];
    const post = stateTransition(cfg, s1, good, true, { signatureSets: sets });
    expect(sets).to.have.length(2 + attestations.length);
    expect(verifyAggregateSignatureSets(sets)).to.equal(true);
    expect(types.BeaconState.hashTreeRoot(post)).to.deep.equal(good.message.stateRoot);
    const bad = { ...good, signature: signedBlockAt(s1, 2).signature }; // signs another block
    expect(() => stateTransition(cfg, s1, bad)).to.throw("INVALID_BLOCK_SIGNATURE");
    const deferred: typeof sets = [];
    stateTransition(cfg, s1, bad, true, { signatureSets: deferred });
    expect(deferred).to.have.length(2 + attestations.length);
    expect(verifyAggregateSignatureSets(deferred)).to.equal(false);
  });

  /** A genesis state with `data` as its next deposits, and the post-state of a block carrying them. */
  const importDeposits = (specs: [key: number, signer: number][], options: StateTransitionOptions = {}) => {
    const genesis = genesisState();
    const n = genesis.validators.length;
    const tree = DepositTree.empty();
    for (let i = 0; i < n; i++) tree.push(new Uint8Array(32).fill(i + 1)); // earlier deposits: only their roots matter
    const depositFor = (key: number, signer: number): DepositData => {
      const message = {
        pubkey: publicKey(key),
        withdrawalCredentials: new Uint8Array(32),
        amount: cfg.MAX_EFFECTIVE_BALANCE,
      };
      const root = computeSigningRoot(types.DepositMessage, message, computeDomain(cfg, cfg.DOMAIN_DEPOSIT));
      return { ...message, signature: bls.sign(secretKey(signer), root) };
    };
    const data = specs.map(([key, signer]) => depositFor(key, signer));
    for (const d of data) tree.push(types.DepositData.hashTreeRoot(d));
    genesis.eth1Data = {
      depositRoot: tree.getRoot(),
      depositCount: n + data.length,
      blockHash: genesis.eth1Data.blockHash,
    };
    const deposits: Deposit[] = data.map((d, i) => ({ data: d, proof: tree.getProof(n + i).branch }));
    const block = signedBlockAt(genesis, 1, [], { deposits });
    return { n, genesis, post: stateTransition(cfg, genesis, block, true, options) };
  };
  const hasKey = (pubkey: Uint8Array, key: number) => Buffer.from(pubkey).equals(Buffer.from(publicKey(key)));

  it("adds every deposit whose proof-of-possession passed the deposits' batch", () => {
    const { n, post } = importDeposits([
      [100, 100],
      [101, 101],
    ]);
    expect(post.eth1DepositIndex).to.equal(n + 2);
    expect(post.validators).to.have.length(n + 2);
    expect(hasKey(post.validators[n].pubkey, 100) && hasKey(post.validators[n + 1].pubkey, 101)).to.equal(true);
  });

  it("still skips a deposit with an invalid proof-of-possession when the block's batch passed", () => {
    const { n, post } = importDeposits([
      [100, 100],
      [101, 102], // signed by the wrong key
    ]);
    expect(post.eth1DepositIndex).to.equal(n + 2);
    expect(post.validators).to.have.length(n + 1);
    expect(hasKey(post.validators[n].pubkey, 100)).to.equal(true);
  });

  it("checks deposits now when the block's signatures are deferred (signatureSets gets none of theirs)", () => {
    const signatureSets: Parameters<typeof verifyAggregateSignatureSets>[0] = [];
    const { n, post } = importDeposits(
      [
        [100, 100],
        [101, 102], // signed by the wrong key
      ],
      { signatureSets },
    );
    expect(post.validators).to.have.length(n + 1);
    expect(signatureSets).to.have.length(2); // block and RANDAO
    expect(verifyAggregateSignatureSets(signatureSets)).to.equal(true);
  });

  it("tops up a known key whatever its deposit's signature (the deposits' batch fails, each is checked)", () => {
    const { n, genesis, post } = importDeposits([
      [100, 100],
      [0, 5], // validator 0's key, signed by another key: a top-up, no proof-of-possession needed
    ]);
    expect(post.validators).to.have.length(n + 1);
    expect(post.balances[0]).to.equal(genesis.balances[0] + cfg.MAX_EFFECTIVE_BALANCE);
  });
});
