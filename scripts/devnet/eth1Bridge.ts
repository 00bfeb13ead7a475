// The deposit follower seen from the node: eth1 votes and deposits with proofs for block production
// (Eth1ForBlocks), and deposit_pending keys, the EIP-4881 snapshot and the follower's progress for the API.
import type { PendingDeposit } from "../../consensus/api/chainView.js";
import type { DepositFollower, FollowerStore } from "../../consensus/follower/index.js";
import type { Eth1ForBlocks } from "../../consensus/node/chain/produceBlock.js";
import type { Eth1ApiSource } from "../../consensus/node/nodeChainView.js";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import type { BeaconState, Deposit, Eth1Data } from "../../consensus/types/index.js";

export class FollowerBridge implements Eth1ForBlocks, Eth1ApiSource {
  constructor(
    readonly follower: DepositFollower,
    private readonly store: FollowerStore,
  ) {}

  getEth1Vote(cfg: BeaconConfig, state: BeaconState): Eth1Data {
    return this.follower.getEth1Vote(cfg, state);
  }

  getDepositsForBlock(eth1Data: Eth1Data, eth1DepositIndex: number, maxDeposits: number): Deposit[] {
    return this.follower.getDepositsForBlock(eth1Data, eth1DepositIndex, maxDeposits);
  }

  depositsFrom(fromIndex: number): PendingDeposit[] {
    return this.store
      .getDeposits(fromIndex, this.follower.depositCount)
      .filter((d) => d.outcome !== "invalid_signature")
      .map((d) => ({ index: d.index, pubkey: d.depositData.pubkey, amountGwei: d.depositData.amount }));
  }

  snapshot() {
    return this.follower.getSnapshot();
  }

  status() {
    return this.follower.status();
  }
}
