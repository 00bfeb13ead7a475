// ValidatorSigner: a key removed while the client runs (Keymanager delete) signs nothing more and leaves no
// slashing-protection record of a block or vote it never signed; the other keys sign on in the same batch.
import { expect } from "chai";
import { SignerError, ValidatorSigner } from "../../../consensus/validator/signer.js";
import { SlashingProtectionDb } from "../../../consensus/validator/slashing-protection/index.js";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";

describe("consensus/validator ValidatorSigner", () => {
  const cfg = createDevnetConfig();
  const keys = devnetKeys(0, 2);
  const ctx = {
    fork: { previousVersion: cfg.GENESIS_FORK_VERSION, currentVersion: cfg.GENESIS_FORK_VERSION, epoch: 0 },
    genesisValidatorsRoot: new Uint8Array(32).fill(7),
    slot: 40,
  };
  const vote = (targetEpoch: number) => ({
    slot: targetEpoch * cfg.SLOTS_PER_EPOCH,
    index: 0,
    beaconBlockRoot: new Uint8Array(32).fill(1),
    source: { epoch: targetEpoch - 1, root: new Uint8Array(32).fill(2) },
    target: { epoch: targetEpoch, root: new Uint8Array(32).fill(3) },
  });

  it("a removed key: UNKNOWN_KEY for blocks and votes, no record written; the other key signs in the same batch", () => {
    const protection = new SlashingProtectionDb(":memory:");
    const signer = new ValidatorSigner(cfg, keys, protection);
    const [gone, kept] = keys as [(typeof keys)[0], (typeof keys)[0]];
    expect(signer.removeKey(gone.publicKey)).to.equal(true);
    const block = cfg.types.BeaconBlock.defaultValue();
    block.slot = 40;
    expect(() => signer.signBlock(ctx, gone.publicKey, block))
      .to.throw(SignerError)
      .with.property("code", "UNKNOWN_KEY");
    let signed: Uint8Array | null = null;
    signer.batch(() => {
      expect(() => signer.signAttestation(ctx, gone.publicKey, vote(5))).to.throw(SignerError);
      signed = signer.signAttestation(ctx, kept.publicKey, vote(5));
    });
    expect(signed).to.have.length(96);
    const records = protection.allRecords();
    const of = (pk: Uint8Array) => records.find((r) => Buffer.from(r.pubkey).equals(Buffer.from(pk)));
    expect(of(gone.publicKey)?.blocks ?? []).to.have.length(0);
    expect(of(gone.publicKey)?.attestations ?? []).to.have.length(0);
    expect(of(kept.publicKey)?.attestations.map((a) => a.targetEpoch)).to.deep.equal([5]);
    protection.close();
  });
});
