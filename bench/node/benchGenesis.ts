// A genesis state for benchmarks: every key with a full deposit, the deposit signatures not checked (signing them is
// not what the benchmarks measure).
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import { initializeBeaconStateFromEth1 } from "../../consensus/state-transition/genesis/initializeBeaconStateFromEth1.js";
import type { BeaconState } from "../../consensus/types/index.js";
import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { DepositTree } from "../../sdk/deposit-tree/index.js";

export function benchGenesis(cfg: BeaconConfig, keys: ValidatorKey[]): BeaconState {
  const tree = DepositTree.empty();
  const deposits = keys.map((k, i) => {
    const data = {
      pubkey: k.publicKey,
      withdrawalCredentials: new Uint8Array(32),
      amount: cfg.MAX_EFFECTIVE_BALANCE,
      signature: new Uint8Array(96),
    };
    tree.push(cfg.types.DepositData.hashTreeRoot(data));
    return { proof: tree.getProof(i, i + 1).branch, data };
  });
  return initializeBeaconStateFromEth1(cfg, new Uint8Array(32).fill(7), 1_800_000_000, deposits, false);
}
