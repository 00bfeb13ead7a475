import { ListCompositeType } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { DEPOSIT_CONTRACT_TREE_DEPTH, GENESIS_EPOCH } from "../../params/constants.js";
import type { BeaconState, Deposit } from "../../types/index.js";
import { processDeposit } from "../block/processDeposit.js";

/**
 * initialize_beacon_state_from_eth1 (phase0 beacon-chain.md, "Genesis"): the genesis state from an eth1 block and the
 * deposits up to it. Every deposit is checked against the deposit root of the leaves so far (kept incrementally in a
 * tree-backed list instead of rehashing the whole list per deposit); validators with MAX_EFFECTIVE_BALANCE start active.
 */
export function initializeBeaconStateFromEth1(
  cfg: BeaconConfig,
  eth1BlockHash: Uint8Array,
  eth1Timestamp: number,
  deposits: Deposit[],
  verifySignatures = true,
): BeaconState {
  const { types } = cfg;
  const state = types.BeaconState.defaultValue();
  state.genesisTime = eth1Timestamp + cfg.GENESIS_DELAY;
  state.fork = {
    previousVersion: cfg.GENESIS_FORK_VERSION,
    currentVersion: cfg.GENESIS_FORK_VERSION,
    epoch: GENESIS_EPOCH,
  };
  state.eth1Data = { depositRoot: new Uint8Array(32), depositCount: deposits.length, blockHash: eth1BlockHash };
  state.latestBlockHeader = {
    ...types.BeaconBlockHeader.defaultValue(),
    bodyRoot: types.BeaconBlockBody.hashTreeRoot(types.BeaconBlockBody.defaultValue()),
  };
  state.randaoMixes = Array.from({ length: cfg.EPOCHS_PER_HISTORICAL_VECTOR }, () => Uint8Array.from(eth1BlockHash));

  const DepositDataList = new ListCompositeType(types.DepositData, 2 ** DEPOSIT_CONTRACT_TREE_DEPTH);
  const leaves = DepositDataList.toViewDU([]);
  for (const deposit of deposits) {
    leaves.push(types.DepositData.toViewDU(deposit.data));
    state.eth1Data.depositRoot = leaves.hashTreeRoot();
    processDeposit(cfg, state, deposit, verifySignatures);
  }

  for (let i = 0; i < state.validators.length; i++) {
    const validator = state.validators[i];
    const balance = state.balances[i];
    validator.effectiveBalance = Math.min(
      balance - (balance % cfg.EFFECTIVE_BALANCE_INCREMENT),
      cfg.MAX_EFFECTIVE_BALANCE,
    );
    if (validator.effectiveBalance === cfg.MAX_EFFECTIVE_BALANCE) {
      validator.activationEligibilityEpoch = GENESIS_EPOCH;
      validator.activationEpoch = GENESIS_EPOCH;
    }
  }
  state.genesisValidatorsRoot = types.BeaconState.fields.validators.hashTreeRoot(state.validators);
  return state;
}
