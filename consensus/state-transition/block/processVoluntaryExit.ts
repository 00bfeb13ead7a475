import type { BeaconConfig } from "../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../params/constants.js";
import type { BeaconState, SignedVoluntaryExit } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getDomain } from "../accessors/getDomain.js";
import { bls } from "../crypto/bls.js";
import { check } from "../errors.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";
import { initiateValidatorExit } from "../mutators/initiateValidatorExit.js";
import { isActiveValidator } from "../predicates/isActiveValidator.js";
import { validatorAt } from "./validatorAt.js";

/** process_voluntary_exit (phase0 beacon-chain.md, "Voluntary exits"). */
export function processVoluntaryExit(
  cfg: BeaconConfig,
  state: BeaconState,
  signedVoluntaryExit: SignedVoluntaryExit,
  verifySignatures = true,
): void {
  const exit = signedVoluntaryExit.message;
  const validator = validatorAt(state, exit.validatorIndex, "voluntary exit");
  const currentEpoch = getCurrentEpoch(cfg, state);
  check(
    isActiveValidator(validator, currentEpoch),
    "VOLUNTARY_EXIT_VALIDATOR_NOT_ACTIVE",
    () => `validator ${exit.validatorIndex} is not active in epoch ${currentEpoch}`,
  );
  check(
    validator.exitEpoch === FAR_FUTURE_EPOCH,
    "VOLUNTARY_EXIT_ALREADY_EXITING",
    () => `validator ${exit.validatorIndex} already exits at epoch ${validator.exitEpoch}`,
  );
  check(
    currentEpoch >= exit.epoch,
    "VOLUNTARY_EXIT_NOT_YET_VALID",
    () => `exit is valid from epoch ${exit.epoch}, the current epoch is ${currentEpoch}`,
  );
  check(
    currentEpoch >= validator.activationEpoch + cfg.SHARD_COMMITTEE_PERIOD,
    "VOLUNTARY_EXIT_TOO_EARLY",
    () =>
      `validator ${exit.validatorIndex} may exit from epoch ${validator.activationEpoch + cfg.SHARD_COMMITTEE_PERIOD} (activation + SHARD_COMMITTEE_PERIOD), the current epoch is ${currentEpoch}`,
  );
  if (verifySignatures) {
    const domain = getDomain(cfg, state, cfg.DOMAIN_VOLUNTARY_EXIT, exit.epoch);
    const signingRoot = computeSigningRoot(cfg.types.VoluntaryExit, exit, domain);
    check(
      bls.verify(validator.pubkey, signingRoot, signedVoluntaryExit.signature),
      "VOLUNTARY_EXIT_INVALID_SIGNATURE",
      () => `the exit is not signed by validator ${exit.validatorIndex}`,
    );
  }
  initiateValidatorExit(cfg, state, exit.validatorIndex);
}
