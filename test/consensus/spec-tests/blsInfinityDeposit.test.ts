// process_deposit under the v1.0.0 BLS rules: a deposit whose public key is the point at infinity, "signed" with the
// infinity signature (a pair the v0.12.3 rules would accept), is consumed but adds no validator; a properly signed
// deposit in the same position is added. Also: the SDK's default Verify alone already refuses the pair.
import { expect } from "chai";
import { processDeposit } from "../../../consensus/state-transition/block/processDeposit.js";
import { computeDomain } from "../../../consensus/state-transition/misc/computeDomain.js";
import { computeSigningRoot } from "../../../consensus/state-transition/misc/computeSigningRoot.js";
import type { BeaconState, Deposit } from "../../../consensus/types/index.js";
import { bls, createBls, nobleBackend } from "../../../sdk/crypto/bls/index.js";
import { DepositTree } from "../../../sdk/deposit-tree/depositTree.js";
import { cfg, genesisState } from "../state-transition/support/chain.js";

const INFINITY_PUBKEY = Uint8Array.from([0xc0, ...new Uint8Array(47)]);
const INFINITY_SIGNATURE = Uint8Array.from([0xc0, ...new Uint8Array(95)]);

function depositSigningRoot(pubkey: Uint8Array, withdrawalCredentials: Uint8Array, amount: number): Uint8Array {
  const message = { pubkey, withdrawalCredentials, amount };
  return computeSigningRoot(cfg.types.DepositMessage, message, computeDomain(cfg, cfg.DOMAIN_DEPOSIT));
}

/** A state whose deposit tree holds exactly `data` as its next (only) leaf, and the deposit with its proof. */
function stateWithDeposit(data: Deposit["data"]): { state: BeaconState; deposit: Deposit } {
  const tree = DepositTree.empty();
  tree.push(cfg.types.DepositData.hashTreeRoot(data));
  const state = genesisState(4);
  state.eth1DepositIndex = 0;
  state.eth1Data = { ...state.eth1Data, depositRoot: tree.getRoot(), depositCount: 1 };
  return { state, deposit: { proof: tree.getProof(0).branch, data } };
}

describe("process_deposit refuses an infinity public key (BLS v1.0.0 rules)", () => {
  const withdrawalCredentials = new Uint8Array(32);
  const amount = cfg.MAX_EFFECTIVE_BALANCE;

  it("the infinity key with the infinity signature verifies only under the explicit v0.12.3 rules", () => {
    const root = depositSigningRoot(INFINITY_PUBKEY, withdrawalCredentials, amount);
    expect(bls.rules).to.equal("v1.0.0");
    expect(bls.verify(INFINITY_PUBKEY, root, INFINITY_SIGNATURE)).to.equal(false);
    const old = createBls(nobleBackend, { infinityPubkeyValid: true });
    expect(old.verify(INFINITY_PUBKEY, root, INFINITY_SIGNATURE)).to.equal(true);
  });

  it("consumes the infinity-key deposit without adding a validator", () => {
    const { state, deposit } = stateWithDeposit({
      pubkey: INFINITY_PUBKEY,
      withdrawalCredentials,
      amount,
      signature: INFINITY_SIGNATURE,
    });
    processDeposit(cfg, state, deposit);
    expect(state.eth1DepositIndex).to.equal(1);
    expect(state.validators).to.have.length(4);
    expect(state.balances).to.have.length(4);
  });

  it("adds a validator for a properly signed deposit in the same position", () => {
    const sk = new Uint8Array(32).fill(0x11);
    const pubkey = bls.secretKeyToPublicKey(sk);
    const signature = bls.sign(sk, depositSigningRoot(pubkey, withdrawalCredentials, amount));
    const { state, deposit } = stateWithDeposit({ pubkey, withdrawalCredentials, amount, signature });
    processDeposit(cfg, state, deposit);
    expect(state.eth1DepositIndex).to.equal(1);
    expect(state.validators).to.have.length(5);
    expect(state.validators[4].pubkey).to.deep.equal(pubkey);
  });
});
