import type { BeaconConfig } from "../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../params/constants.js";
import type { Deposit, Validator } from "../../types/index.js";

/** get_validator_from_deposit (phase0 beacon-chain.md, "Deposits"): a new, not yet eligible validator. */
export function getValidatorFromDeposit(cfg: BeaconConfig, deposit: Deposit): Validator {
  const amount = deposit.data.amount;
  return {
    pubkey: deposit.data.pubkey,
    withdrawalCredentials: deposit.data.withdrawalCredentials,
    activationEligibilityEpoch: FAR_FUTURE_EPOCH,
    activationEpoch: FAR_FUTURE_EPOCH,
    exitEpoch: FAR_FUTURE_EPOCH,
    withdrawableEpoch: FAR_FUTURE_EPOCH,
    effectiveBalance: Math.min(amount - (amount % cfg.EFFECTIVE_BALANCE_INCREMENT), cfg.MAX_EFFECTIVE_BALANCE),
    slashed: false,
  };
}
