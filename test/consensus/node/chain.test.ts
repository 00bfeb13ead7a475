// The chain service, block production and validator client together, in virtual time, on a real genesis state.
import { expect } from "chai";
import { Scheduler } from "../../../consensus/node/clock/scheduler.js";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { genesisFromDeposits } from "../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { createDevnetNodes } from "../../../scripts/devnet/simulation.js";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { createDepositData } from "../../../sdk/deposit/createDepositData.js";
import { blsWithdrawalCredentials } from "../../../sdk/deposit/withdrawalCredentials.js";
import { BTC20_DEVNET } from "../../../sdk/networks/btc20.js";

describe("consensus/node chain service in virtual time", function () {
  this.timeout(120_000);
  it("one node with 16 validators finalizes", async () => {
    const cfg = createDevnetConfig();
    const keys = devnetKeys(0, 16);
    const data = keys.map((k) => {
      const d = createDepositData({
        bls,
        signingSecretKey: k.secretKey,
        pubkey: k.publicKey,
        withdrawalCredentials: blsWithdrawalCredentials(k.publicKey),
        amountGwei: 1000_000_000_000n,
        network: BTC20_DEVNET,
      });
      return {
        pubkey: d.pubkey,
        withdrawalCredentials: d.withdrawalCredentials,
        amount: Number(d.amountGwei),
        signature: d.signature,
      };
    });
    const genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(1), 1_800_000_000, data);
    const scheduler = new Scheduler("virtual", genesis.genesisTime - 1);
    const { nodes } = createDevnetNodes({ cfg, genesisState: genesis, keys, nodeCount: 1, scheduler });
    nodes[0]!.start();
    const t0 = Date.now();
    await scheduler.runUntil(genesis.genesisTime + 5 * 8 * 3);
    const head = nodes[0]!.chain.headState();
    console.log(
      "slot",
      head.slot,
      "fin",
      head.finalizedCheckpoint.epoch,
      "just",
      head.currentJustifiedCheckpoint.epoch,
      "ms",
      Date.now() - t0,
      nodes[0]!.stats,
      nodes[0]!.validators[0]!.stats,
    );
    expect(head.finalizedCheckpoint.epoch).to.be.at.least(2);
  });
});
