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
