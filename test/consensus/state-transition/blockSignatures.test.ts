import { expect } from "chai";
import { getBlockSignatureSets } from "../../../consensus/state-transition/block/getBlockSignatureSets.js";
import { verifyAggregateSignatureSets } from "../../../consensus/state-transition/crypto/verifyAggregateSignatureSets.js";
import { computeDomain } from "../../../consensus/state-transition/misc/computeDomain.js";
import { computeSigningRoot } from "../../../consensus/state-transition/misc/computeSigningRoot.js";
import { processSlots } from "../../../consensus/state-transition/slot/processSlots.js";
import { stateTransition } from "../../../consensus/state-transition/stateTransition.js";
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

  it("still skips a deposit with an invalid proof-of-possession when the batch passed", () => {
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
    const data = [depositFor(100, 100), depositFor(101, 102)]; // the second is signed by the wrong key
    for (const d of data) tree.push(types.DepositData.hashTreeRoot(d));
    genesis.eth1Data = { depositRoot: tree.getRoot(), depositCount: n + 2, blockHash: genesis.eth1Data.blockHash };
    const deposits: Deposit[] = data.map((d, i) => ({ data: d, proof: tree.getProof(n + i).branch }));

    const post = stateTransition(cfg, genesis, signedBlockAt(genesis, 1, [], { deposits }));
    expect(post.eth1DepositIndex).to.equal(n + 2);
    expect(post.validators).to.have.length(n + 1);
    expect(Buffer.from(post.validators[n].pubkey).equals(Buffer.from(publicKey(100)))).to.equal(true);
  });
});
