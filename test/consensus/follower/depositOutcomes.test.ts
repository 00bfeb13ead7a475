import { expect } from "chai";
import { depositOutcomes, verifyDepositSignatures } from "../../../consensus/follower/index.js";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { DEPOSIT_DOMAIN, signedDeposit, testKey } from "./support/deposits.js";

const keys = Array.from({ length: 6 }, (_, i) => testKey(`outcomes-${i}`));

describe("consensus/follower process_deposit outcomes and batched proof-of-possession checks", () => {
  it("batch verification finds the bad signatures among good ones (fallback to single checks)", () => {
    const deposits = keys.map((k, i) => signedDeposit(k, 32e9, { badSignature: i === 2 || i === 5 }));
    expect(verifyDepositSignatures(bls, DEPOSIT_DOMAIN, deposits)).to.deep.equal([
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
    // an invalid public key (not on the curve, or the point at infinity) fails without a pairing
    const infinity = new Uint8Array(48);
    infinity[0] = 0xc0;
    expect(verifyDepositSignatures(bls, DEPOSIT_DOMAIN, [{ ...deposits[0], pubkey: infinity }])).to.deep.equal([false]);
  });

  it("new key needs a valid PoP, a key with a validator takes top-ups unchecked, a failed key may retry", async () => {
    const d = [
      signedDeposit(keys[0], 32e9), // new
      signedDeposit(keys[1], 32e9, { badSignature: true }), // new, invalid: skipped
      signedDeposit(keys[0], 1e9, { badSignature: true }), // top-up of a key created in this batch
      signedDeposit(keys[2], 1e9, { badSignature: true }), // key known before the batch: top-up
      signedDeposit(keys[1], 32e9), // key 1 again, valid now
    ];
    let verified = 0;
    const outcomes = await depositOutcomes(
      d,
      (pk) => Buffer.from(pk).equals(Buffer.from(keys[2].pubkey)),
      (list) => {
        verified += list.length;
        return verifyDepositSignatures(bls, DEPOSIT_DOMAIN, list);
      },
    );
    expect(outcomes).to.deep.equal(["new_validator", "invalid_signature", "top_up", "top_up", "new_validator"]);
    expect(verified).to.equal(3); // first deposits of keys 0 and 1, then key 1's retry
  });
});
