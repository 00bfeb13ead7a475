// fork_choice (consensus-specs tests/formats/fork_choice/README.md, read at v1.4.0): build the Store from
// anchor_state + anchor_block (get_forkchoice_store), then run steps.yaml in order against the Store API of
// consensus/fork-choice/store:
//   {tick}                -> on_tick(store, time)
//   {block}               -> on_block(store, signed_block); when valid, then on_attestation(store, a, is_from_block)
//                            for each of its attestations and on_attester_slashing for each of its attester slashings
//                            (as the pyspec test helper add_block does when it writes the step)
//   {attestation}         -> on_attestation(store, attestation)
//   {attester_slashing}   -> on_attester_slashing(store, attester_slashing)
//   {checks}              -> head {slot, root}, time, genesis_time, justified_checkpoint, finalized_checkpoint,
//                            proposer_boost_root compared with the store
// A step with `valid: false` must be rejected with a typed error (one with a string `code`); the store stays usable.
// Our fork choice is phase0 fork-choice.md v1.4.0. What phase0 does not have is reported as a skip (SpecSkip) with
// its reason: an unknown step kind (e.g. pow_block, payload_status of later forks) stops the case there (later
// steps may depend on it); a check that phase0 v1.4.0 has no value for (get_proposer_head, should_override_forkchoice
// _update, best_justified_checkpoint of pre-v1.3 stores, ...) is left out while the rest is still checked. A case
// with such an item is counted as a skip only if nothing else failed.
import {
  type ForkChoiceStore,
  getForkchoiceStore,
  getHead,
  onAttestation,
  onAttesterSlashing,
  onBlock,
  onTick,
} from "../../fork-choice/store/index.js";
import { assertEqual } from "../assert.js";
import { readSsz, readYaml, shouldVerifySignatures } from "../caseFiles.js";
import { SpecAssertionError, type SpecCase, type SpecRunner, SpecSkip } from "../types.js";

type Step = Record<string, unknown>;
interface CheckpointYaml {
  epoch: number | bigint;
  root: string;
}

const ZERO_ROOT = `0x${"00".repeat(32)}`;

/** Check fields the v1.4.0 format defines for later forks or optional features, which phase0 cannot answer. */
const NOT_APPLICABLE_CHECKS: Record<string, string> = {
  get_proposer_head: "get_proposer_head (proposer re-org helper) is not implemented",
  should_override_forkchoice_update: "should_override_forkchoice_update is a Bellatrix feature",
  best_justified_checkpoint: "store.best_justified_checkpoint was removed from the Store before v1.4.0",
  viable_for_head_roots_and_weights: "viable_for_head_roots_and_weights is not a phase0 v1.4.0 check",
};

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const { types } = c.cfg;
    const anchorState = readSsz(c, "anchor_state", types.BeaconState);
    const anchorBlock = readSsz(c, "anchor_block", types.BeaconBlock);
    const store = getForkchoiceStore(c.cfg, anchorState, anchorBlock, {
      verifySignatures: shouldVerifySignatures(c),
      pruneAtFinality: false, // keep every state, as the spec's Store does
    });
    const steps = readYaml<Step[]>(c, "steps");
    if (!Array.isArray(steps)) throw new SpecAssertionError("steps.yaml is not a list of steps");

    const notApplicable = new Set<string>();
    for (const [i, step] of steps.entries()) {
      const where = `step ${i}`;
      const valid = step.valid === undefined ? true : step.valid === true;
      if (step.checks !== undefined) {
        runChecks(store, step.checks as Record<string, unknown>, where, notApplicable);
      } else if (step.tick !== undefined) {
        expectOutcome(() => onTick(store, Number(step.tick)), valid, `${where} tick ${String(step.tick)}`);
      } else if (step.block !== undefined) {
        const name = String(step.block);
        const signedBlock = readSsz(c, name, types.SignedBeaconBlock);
        const accepted = expectOutcome(() => onBlock(store, signedBlock), valid, `${where} block ${name}`);
        if (!accepted) continue;
        const body = signedBlock.message.body;
        for (const [j, attestation] of body.attestations.entries()) {
          expectOutcome(() => onAttestation(store, attestation, true), true, `${where} block ${name} attestation ${j}`);
        }
        for (const [j, slashing] of body.attesterSlashings.entries()) {
          expectOutcome(
            () => onAttesterSlashing(store, slashing),
            true,
            `${where} block ${name} attester slashing ${j}`,
          );
        }
      } else if (step.attestation !== undefined) {
        const name = String(step.attestation);
        const attestation = readSsz(c, name, types.Attestation);
        expectOutcome(() => onAttestation(store, attestation, false), valid, `${where} attestation ${name}`);
      } else if (step.attester_slashing !== undefined) {
        const name = String(step.attester_slashing);
        const slashing = readSsz(c, name, types.AttesterSlashing);
        expectOutcome(() => onAttesterSlashing(store, slashing), valid, `${where} attester_slashing ${name}`);
      } else {
        const kinds = Object.keys(step).filter((k) => k !== "valid");
        throw new SpecSkip(
          `${where}: step kind ${kinds.join("+") || "(empty)"} is not part of phase0 fork choice (later steps not run)` +
            (notApplicable.size > 0 ? `; also not checked: ${[...notApplicable].join("; ")}` : ""),
        );
      }
    }
    if (notApplicable.size > 0) throw new SpecSkip(`not checked: ${[...notApplicable].join("; ")}`);
  },
};

/**
 * Runs `fn`; with `valid` it must return, otherwise it must throw a typed error (a `code`). Returns whether it was
 * accepted.
 */
function expectOutcome(fn: () => void, valid: boolean, what: string): boolean {
  try {
    fn();
  } catch (e) {
    if (valid) throw new SpecAssertionError(`${what}: expected to be accepted, rejected: ${(e as Error).message}`);
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") {
      throw new SpecAssertionError(`${what}: rejected, but by an untyped error (a bug?): ${(e as Error).stack ?? e}`);
    }
    return false;
  }
  if (!valid) throw new SpecAssertionError(`${what}: expected to be rejected (valid: false), it was accepted`);
  return true;
}

function runChecks(
  store: ForkChoiceStore,
  checks: Record<string, unknown>,
  where: string,
  notApplicable: Set<string>,
): void {
  const fc = store.forkChoice;
  for (const [field, expected] of Object.entries(checks)) {
    const what = `${where} checks.${field}`;
    switch (field) {
      case "head": {
        const { slot, root } = expected as { slot: number | bigint; root: string };
        const head = getHead(store);
        assertEqual(head, root.toLowerCase(), `${what}.root`);
        assertEqual(store.blocks.get(head)?.slot, Number(slot), `${what}.slot`);
        break;
      }
      case "time":
        assertEqual(fc.time, Number(expected), what);
        break;
      case "genesis_time":
        assertEqual(fc.genesisTime, Number(expected), what);
        break;
      case "justified_checkpoint":
        assertCheckpoint(fc.justifiedCheckpoint, expected as CheckpointYaml, what);
        break;
      case "finalized_checkpoint":
        assertCheckpoint(fc.finalizedCheckpoint, expected as CheckpointYaml, what);
        break;
      case "proposer_boost_root":
        assertEqual(fc.proposerBoostRoot ?? ZERO_ROOT, String(expected).toLowerCase(), what);
        break;
      default:
        notApplicable.add(`checks.${field}: ${NOT_APPLICABLE_CHECKS[field] ?? "not a phase0 v1.4.0 Store field"}`);
    }
  }
}

function assertCheckpoint(actual: { epoch: number; root: string }, expected: CheckpointYaml, what: string): void {
  assertEqual(actual.epoch, Number(expected.epoch), `${what}.epoch`);
  assertEqual(actual.root, expected.root.toLowerCase(), `${what}.root`);
}
