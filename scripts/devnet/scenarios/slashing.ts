// (c) An equivocating proposer and a double-voting attester: the nodes catch both, a block includes the slashings,
// each pays the initial penalty, the correlation penalty at the halfway point of EPOCHS_PER_SLASHINGS_VECTOR and
// exits on schedule (exit epoch from the exit queue, withdrawable EPOCHS_PER_SLASHINGS_VECTOR after the slashing).

import { getValidatorStatus } from "../../../consensus/api/validatorStatus.js";
import type { BeaconConfig } from "../../../consensus/params/beaconConfig.js";
import { getBeaconProposerIndex } from "../../../consensus/state-transition/accessors/getBeaconProposerIndex.js";
import { processSlots } from "../../../consensus/state-transition/slot/processSlots.js";
import type { BeaconState } from "../../../consensus/types/index.js";
import type { Scenario } from "./types.js";

/** The proposer of the first slot >= 2 whose proposer differs from `avoid` (the scenario's equivocator). */
function earlyProposer(cfg: BeaconConfig, genesis: BeaconState, avoid: number): number {
  const state = cfg.types.BeaconState.clone(genesis);
  for (let slot = 2; slot < cfg.SLOTS_PER_EPOCH; slot++) {
    processSlots(cfg, state, slot);
    const p = getBeaconProposerIndex(cfg, state);
    if (p !== avoid) return p;
  }
  return 0;
}

const DOUBLE_VOTER = 1;
let offenders: { proposer: number; voter: number } = { proposer: -1, voter: DOUBLE_VOTER };

export const slashing: Scenario = {
  name: "slashing",
  expectation:
    "an equivocating proposer and a double voter are slashed, pay the correlation penalty and exit on schedule",
  defaultEpochs: 10,
  defaultValidators: 16,
  minEpochs: 9,
  layout(validators, cfg, genesis) {
    offenders = { proposer: earlyProposer(cfg, genesis, DOUBLE_VOTER), voter: DOUBLE_VOTER };
    return {
      shares: [validators],
      misbehaviour: { equivocatingProposers: new Set([offenders.proposer]), doubleVoters: new Set([offenders.voter]) },
    };
  },
  epochNote({ cfg, devnet }, r) {
    const state = devnet.nodes[0]!.chain.headStateAtSlot(r.epoch * cfg.SLOTS_PER_EPOCH);
    const detected = devnet.nodes.reduce((n, node) => n + node.stats.slashingsDetected, 0);
    const show = (i: number) => {
      const v = state.validators[i]!;
      const status = getValidatorStatus(v, r.epoch);
      return `validator ${i} ${status} ${(state.balances[i]! / 1e9).toFixed(1)} BTCC${v.slashed ? ` exit ${v.exitEpoch} withdrawable ${v.withdrawableEpoch}` : ""}`;
    };
    return `slashing: ${detected} offence(s) detected; proposer ${show(offenders.proposer)}; voter ${show(offenders.voter)}`;
  },
  check({ cfg, records, devnet }) {
    const state = devnet.nodes[0]!.chain.headState();
    const last = records[records.length - 1];
    if (!last) return "no epochs recorded";
    for (const [role, index] of [
      ["equivocating proposer", offenders.proposer],
      ["double voter", offenders.voter],
    ] as const) {
      const v = state.validators[index]!;
      if (!v.slashed) return `${role} (validator ${index}) was not slashed`;
      const slashedEpoch = v.withdrawableEpoch - cfg.EPOCHS_PER_SLASHINGS_VECTOR;
      // exited on schedule: the exit epoch comes from the exit queue, at least compute_activation_exit_epoch later
      if (!(v.exitEpoch >= slashedEpoch + 1 + cfg.MAX_SEED_LOOKAHEAD && v.exitEpoch <= slashedEpoch + 4)) {
        return `${role}: exit epoch ${v.exitEpoch} is off schedule for a slashing in epoch ${slashedEpoch}`;
      }
      const status = getValidatorStatus(v, Math.floor(state.slot / cfg.SLOTS_PER_EPOCH));
      if (last.epoch >= v.exitEpoch && status !== "exited_slashed" && status !== "withdrawal_possible") {
        return `${role}: status ${status} at epoch ${last.epoch}, after its exit epoch ${v.exitEpoch}`;
      }
      // the correlation penalty is processed at the end of epoch withdrawable - VECTOR/2
      const penaltyEpoch = v.withdrawableEpoch - cfg.EPOCHS_PER_SLASHINGS_VECTOR / 2;
      const before = records.find((r) => r.epoch === penaltyEpoch);
      const after = records.find((r) => r.epoch === penaltyEpoch + 1);
      if (!before || !after) {
        return `${role}: the run must last past epoch ${penaltyEpoch + 1} to see the correlation penalty`;
      }
      // process_slashings: penalty = EB/inc * min(3 * slashed stake, total active) / total active * inc, where the
      // total active balance lies between (validators - slashed and exited) and all validators at full stake
      const slashedCount = state.validators.filter((x) => x.slashed).length;
      const inc = cfg.EFFECTIVE_BALANCE_INCREMENT;
      const eb = cfg.MAX_EFFECTIVE_BALANCE;
      const penaltyFor = (total: number) => {
        const adjusted = Math.min(slashedCount * eb * cfg.PROPORTIONAL_SLASHING_MULTIPLIER, total);
        return Math.floor(((eb / inc) * adjusted) / total) * inc;
      };
      const low = penaltyFor(state.validators.length * eb);
      const high = penaltyFor((state.validators.length - slashedCount) * eb);
      const drop = before.balances[index]! - after.balances[index]!;
      // plus at most a few gwei of missed-duty penalties in that epoch
      if (drop < low || drop > high + inc) {
        return `${role}: balance fell ${drop / 1e9} BTCC at epoch ${penaltyEpoch}, expected a correlation penalty of ${low / 1e9}..${high / 1e9} BTCC`;
      }
    }
    return null;
  },
};
