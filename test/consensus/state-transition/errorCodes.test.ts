// Every invalid operations/sanity vector of v0.12.3 is rejected with the BlockProcessingError code of the rule it
// breaks (the spec tests only check that it is rejected).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { readSsz, readYaml, shouldVerifySignatures } from "../../../consensus/spec-tests/caseFiles.js";
import { operationHandlers } from "../../../consensus/spec-tests/runners/operations.js";
import type { SpecCase } from "../../../consensus/spec-tests/types.js";
import { BlockProcessingError } from "../../../consensus/state-transition/errors.js";
import { stateTransition } from "../../../consensus/state-transition/stateTransition.js";
import { cfg } from "./support/chain.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const PHASE0 = path.resolve(REPO, "../shared/vectors/consensus-spec-tests-v0.12.3/tests/minimal/phase0");

const operations: Record<string, Record<string, string>> = {
  attestation: {
    bad_source_root: "INVALID_ATTESTATION_SOURCE",
    before_inclusion_delay: "INVALID_ATTESTATION_INCLUSION_DELAY",
    empty_participants_seemingly_valid_sig: "INVALID_ATTESTATION_SIGNATURE",
    empty_participants_zeroes_sig: "INVALID_ATTESTATION_SIGNATURE",
    future_target_epoch: "INVALID_ATTESTATION_TARGET_EPOCH",
    invalid_attestation_signature: "INVALID_ATTESTATION_SIGNATURE",
    // its target (epoch 3) is already older than the previous epoch (4), the first rule checked
    invalid_current_source_root: "INVALID_ATTESTATION_TARGET_EPOCH",
    invalid_index: "INVALID_ATTESTATION_COMMITTEE_INDEX",
    mismatched_target_and_slot: "INVALID_ATTESTATION_TARGET",
    new_source_epoch: "INVALID_ATTESTATION_SOURCE",
    old_source_epoch: "INVALID_ATTESTATION_TARGET_EPOCH", // same set-up as invalid_current_source_root
    old_target_epoch: "INVALID_ATTESTATION_TARGET_EPOCH",
    source_root_is_target_root: "INVALID_ATTESTATION_SOURCE",
    too_few_aggregation_bits: "INVALID_ATTESTATION_AGGREGATION_BITS",
    too_many_aggregation_bits: "INVALID_ATTESTATION_AGGREGATION_BITS",
    wrong_index_for_committee_signature: "INVALID_ATTESTATION_SIGNATURE",
    wrong_index_for_slot: "INVALID_ATTESTATION_COMMITTEE_INDEX",
  },
  attester_slashing: {
    att1_bad_extra_index: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    att1_bad_replaced_index: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    att1_duplicate_index_double_signed: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    att1_duplicate_index_normal_signed: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    att1_empty_indices: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    att1_high_index: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    att2_bad_extra_index: "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
    att2_duplicate_index_double_signed: "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
    att2_duplicate_index_normal_signed: "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
    att2_empty_indices: "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
    att2_high_index: "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
    invalid_sig_1: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    invalid_sig_1_and_2: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    invalid_sig_2: "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
    participants_already_slashed: "ATTESTER_SLASHING_NO_SLASHABLE_VALIDATOR",
    same_data: "ATTESTER_SLASHING_NOT_SLASHABLE_DATA",
    unsorted_att_1: "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    unsorted_att_2: "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
  },
  block_header: {
    invalid_multiple_blocks_single_slot: "BLOCK_NOT_NEWER_THAN_PARENT",
    invalid_parent_root: "INVALID_PARENT_ROOT",
    invalid_proposer_index: "INVALID_PROPOSER_INDEX",
    invalid_slot_block_header: "INVALID_BLOCK_SLOT",
  },
  deposit: { wrong_deposit_for_deposit_count: "INVALID_DEPOSIT_PROOF" },
  proposer_slashing: {
    headers_are_same_sigs_are_different: "PROPOSER_SLASHING_SAME_HEADER",
    headers_are_same_sigs_are_same: "PROPOSER_SLASHING_SAME_HEADER",
    invalid_different_proposer_indices: "PROPOSER_SLASHING_PROPOSER_MISMATCH",
    invalid_proposer_index: "VALIDATOR_INDEX_OUT_OF_RANGE",
    invalid_sig_1: "PROPOSER_SLASHING_INVALID_SIGNATURE",
    invalid_sig_1_and_2_swap: "PROPOSER_SLASHING_INVALID_SIGNATURE",
    invalid_sig_2: "PROPOSER_SLASHING_INVALID_SIGNATURE",
    proposer_is_not_activated: "PROPOSER_SLASHING_NOT_SLASHABLE",
    proposer_is_slashed: "PROPOSER_SLASHING_NOT_SLASHABLE",
    proposer_is_withdrawn: "PROPOSER_SLASHING_NOT_SLASHABLE",
  },
  voluntary_exit: {
    invalid_signature: "VOLUNTARY_EXIT_INVALID_SIGNATURE",
    validator_exit_in_future: "VOLUNTARY_EXIT_NOT_YET_VALID",
    validator_invalid_validator_index: "VALIDATOR_INDEX_OUT_OF_RANGE",
    validator_not_active: "VOLUNTARY_EXIT_VALIDATOR_NOT_ACTIVE",
    validator_not_active_long_enough: "VOLUNTARY_EXIT_TOO_EARLY",
  },
};

const sanityBlocks: Record<string, string> = {
  double_same_proposer_slashings_same_block: "PROPOSER_SLASHING_NOT_SLASHABLE",
  double_similar_proposer_slashings_same_block: "PROPOSER_SLASHING_NOT_SLASHABLE",
  double_validator_exit_same_block: "VOLUNTARY_EXIT_ALREADY_EXITING",
  duplicate_attester_slashing: "ATTESTER_SLASHING_NO_SLASHABLE_VALIDATOR",
  invalid_block_sig: "INVALID_BLOCK_SIGNATURE",
  invalid_proposer_index_sig_from_expected_proposer: "INVALID_BLOCK_SIGNATURE",
  invalid_state_root: "INVALID_STATE_ROOT",
  parent_from_same_slot: "SLOT_NOT_IN_FUTURE",
  prev_slot_block_transition: "SLOT_NOT_IN_FUTURE",
  proposal_for_genesis_slot: "SLOT_NOT_IN_FUTURE",
  same_slot_block_transition: "SLOT_NOT_IN_FUTURE",
  zero_block_sig: "INVALID_BLOCK_SIGNATURE",
};

function specCase(runner: string, handler: string, name: string): SpecCase {
  const dir = path.join(PHASE0, runner, handler, "pyspec_tests", name);
  return { preset: "minimal", fork: "phase0", runner, handler, suite: "pyspec_tests", name, dir, cfg };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(BlockProcessingError);
    return (e as BlockProcessingError).code;
  }
  return "accepted";
}

describe("typed errors on the invalid spec vectors", function () {
  this.timeout(60_000);

  for (const [handler, cases] of Object.entries(operations)) {
    it(`operations/${handler}: each rejection names its rule`, () => {
      const { part, type, apply } = operationHandlers[handler];
      for (const [name, expected] of Object.entries(cases)) {
        const c = specCase("operations", handler, name);
        const state = readSsz(c, "pre", cfg.types.BeaconState);
        const op = readSsz(c, part, type(cfg));
        expect(
          codeOf(() => apply(cfg, state, op, shouldVerifySignatures(c))),
          name,
        ).to.equal(expected);
      }
    });
  }

  it("sanity/blocks: each rejected block names its rule", () => {
    for (const [name, expected] of Object.entries(sanityBlocks)) {
      const c = specCase("sanity", "blocks", name);
      let state = readSsz(c, "pre", cfg.types.BeaconState);
      const { blocks_count } = readYaml<{ blocks_count: number }>(c, "meta");
      const code = codeOf(() => {
        for (let i = 0; i < blocks_count; i++) {
          state = stateTransition(cfg, state, readSsz(c, `blocks_${i}`, cfg.types.SignedBeaconBlock));
        }
      });
      expect(code, name).to.equal(expected);
    }
  });
});
