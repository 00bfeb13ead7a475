// Genesis from deposit data (phase0 beacon-chain.md "Genesis"): each deposit gets its Merkle proof against the
// deposit tree holding the leaves up to and including it, as initialize_beacon_state_from_eth1 checks them.
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import { initializeBeaconStateFromEth1 } from "../../consensus/state-transition/genesis/initializeBeaconStateFromEth1.js";
import { isValidGenesisState } from "../../consensus/state-transition/genesis/isValidGenesisState.js";
import type { BeaconState, Deposit, DepositData } from "../../consensus/types/index.js";
import { DepositTree } from "../../sdk/deposit-tree/index.js";
import { CodedError } from "../../sdk/errors/codedError.js";

export class GenesisError extends CodedError<"INVALID_GENESIS"> {
  override readonly name = "GenesisError";
  constructor(message: string) {
    super("INVALID_GENESIS", message);
  }
}

export function depositsWithIncrementalProofs(cfg: BeaconConfig, data: DepositData[]): Deposit[] {
  const tree = DepositTree.empty();
  return data.map((d, i) => {
    tree.push(cfg.types.DepositData.hashTreeRoot(d));
    return { proof: tree.getProof(i, i + 1).branch, data: d };
  });
}

export function genesisFromDeposits(
  cfg: BeaconConfig,
  eth1BlockHash: Uint8Array,
  eth1Timestamp: number,
  data: DepositData[],
): BeaconState {
  const state = initializeBeaconStateFromEth1(
    cfg,
    eth1BlockHash,
    eth1Timestamp,
    depositsWithIncrementalProofs(cfg, data),
  );
  if (!isValidGenesisState(cfg, state)) {
    throw new GenesisError(
      `genesis state is not valid: ${state.validators.length} validators, genesis time ${state.genesisTime}; ` +
        `expected at least ${cfg.MIN_GENESIS_ACTIVE_VALIDATOR_COUNT} active validators and time >= ${cfg.MIN_GENESIS_TIME}`,
    );
  }
  return state;
}
