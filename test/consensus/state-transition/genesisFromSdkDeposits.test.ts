// Genesis from deposits made with the SDK (real deposit data, signatures and the off-chain deposit tree) under the
// btc20 preset: 1000 BTCC validators start active, top-ups count, deposits signed for another network are skipped.
import { expect } from "chai";
import { produceBlock } from "../../../consensus/block-production/index.js";
import { btc20, createBeaconConfig } from "../../../consensus/params/index.js";
import { initializeBeaconStateFromEth1 } from "../../../consensus/state-transition/genesis/initializeBeaconStateFromEth1.js";
import { isValidGenesisState } from "../../../consensus/state-transition/genesis/isValidGenesisState.js";
import { stateTransition } from "../../../consensus/state-transition/stateTransition.js";
import type { Deposit } from "../../../consensus/types/index.js";
import { getBls } from "../../../sdk/crypto/bls/index.js";
import { createDepositData } from "../../../sdk/deposit/createDepositData.js";
import { blsWithdrawalCredentials } from "../../../sdk/deposit/withdrawalCredentials.js";
import { DepositTree } from "../../../sdk/deposit-tree/index.js";
import { BTC20_MAINNET, BTC20_TESTNET } from "../../../sdk/networks/index.js";
import { secretKey } from "./support/chain.js";

const BTCC = 1_000_000_000n;

describe("genesis from SDK deposits (btc20 preset)", function () {
  this.timeout(60_000);
  const cfg = createBeaconConfig({ ...btc20, MIN_GENESIS_ACTIVE_VALIDATOR_COUNT: 5, MIN_GENESIS_TIME: 1_700_000_000 });

  it("activates full stakes, counts top-ups, skips deposits signed for another network", async () => {
    const bls = await getBls();
    const plan: { key: number; amount: bigint; network: typeof BTC20_MAINNET }[] = [
      ...[0, 1, 2, 3].map((key) => ({ key, amount: 1000n * BTCC, network: BTC20_MAINNET })),
      { key: 4, amount: 999n * BTCC, network: BTC20_MAINNET },
      { key: 4, amount: 1n * BTCC, network: BTC20_MAINNET }, // top-up to 1000 BTCC
      { key: 5, amount: 1000n * BTCC, network: BTC20_TESTNET }, // wrong fork version: skipped
      { key: 6, amount: 999n * BTCC, network: BTC20_MAINNET }, // below the stake: registered, not active
    ];
    const tree = DepositTree.empty();
    const data = plan.map(({ key, amount, network }) => {
      const sk = secretKey(key);
      const pubkey = bls.secretKeyToPublicKey(sk);
      const record = createDepositData({
        bls,
        signingSecretKey: sk,
        pubkey,
        withdrawalCredentials: blsWithdrawalCredentials(pubkey),
        amountGwei: amount,
        network,
      });
      tree.push(record.depositDataRoot);
      return {
        pubkey,
        withdrawalCredentials: record.withdrawalCredentials,
        amount: Number(amount),
        signature: record.signature,
      };
    });
    const deposits: Deposit[] = data.map((d, i) => ({ data: d, proof: tree.getProof(i, i + 1).branch }));

    const state = initializeBeaconStateFromEth1(cfg, new Uint8Array(32).fill(1), 1_700_000_000, deposits);
    expect(state.eth1DepositIndex).to.equal(plan.length);
    expect(Buffer.from(state.eth1Data.depositRoot).equals(Buffer.from(tree.getRoot()))).to.equal(true);
    const registered = state.validators.map((v) => Buffer.from(v.pubkey).toString("hex"));
    const keyOf = (i: number) => Buffer.from(data[i].pubkey).toString("hex");
    expect(registered).to.deep.equal([0, 1, 2, 3, 4, 7].map(keyOf)); // deposit 6 (testnet fork version) skipped
    expect(state.balances).to.deep.equal([...Array(5).fill(1000e9), 999e9]);
    expect(state.validators.map((v) => v.activationEpoch)).to.deep.equal([0, 0, 0, 0, 0, Number.POSITIVE_INFINITY]);
    expect(state.validators[5].effectiveBalance).to.equal(975e9); // 999 BTCC rounded down to whole 25-BTCC increments
    expect(isValidGenesisState(cfg, state)).to.equal(true);
    expect(isValidGenesisState({ ...cfg, MIN_GENESIS_ACTIVE_VALIDATOR_COUNT: 6 }, state)).to.equal(false);

    // The chain runs on it: one block under the btc20 preset (signatures off; keys are covered elsewhere).
    const { block } = produceBlock(cfg, state, 1, { randaoReveal: new Uint8Array(96) }, false);
    const post = stateTransition(cfg, state, { message: block, signature: new Uint8Array(96) }, true, {
      verifySignatures: false,
    });
    expect(post.slot).to.equal(1);
  });
});
