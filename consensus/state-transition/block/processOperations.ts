import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlockBody, BeaconState } from "../../types/index.js";
import { check } from "../errors.js";
import { processAttestation } from "./processAttestation.js";
import { processAttesterSlashing } from "./processAttesterSlashing.js";
import { processDeposit } from "./processDeposit.js";
import { processProposerSlashing } from "./processProposerSlashing.js";
import { processVoluntaryExit } from "./processVoluntaryExit.js";

/**
 * process_operations (phase0 beacon-chain.md, "Operations"): the block must carry every pending deposit up to
 * MAX_DEPOSITS; then slashings, attestations, deposits and exits in that order. `verifyDepositSignatures` (the
 * proofs-of-possession, default `verifySignatures`) is separate because a batch check of the other signatures never
 * covers it: an invalid proof-of-possession skips the deposit instead of failing the block.
 */
export function processOperations(
  cfg: BeaconConfig,
  state: BeaconState,
  body: BeaconBlockBody,
  verifySignatures = true,
  verifyDepositSignatures = verifySignatures,
): void {
  const expectedDeposits = Math.min(cfg.MAX_DEPOSITS, state.eth1Data.depositCount - state.eth1DepositIndex);
  check(
    body.deposits.length === expectedDeposits,
    "INVALID_DEPOSIT_COUNT",
    () =>
      `block has ${body.deposits.length} deposits, expected ${expectedDeposits} (pending deposits up to MAX_DEPOSITS)`,
  );
  const limits: [string, number, number][] = [
    ["proposer slashings", body.proposerSlashings.length, cfg.MAX_PROPOSER_SLASHINGS],
    ["attester slashings", body.attesterSlashings.length, cfg.MAX_ATTESTER_SLASHINGS],
    ["attestations", body.attestations.length, cfg.MAX_ATTESTATIONS],
    ["voluntary exits", body.voluntaryExits.length, cfg.MAX_VOLUNTARY_EXITS],
  ];
  for (const [what, count, max] of limits) {
    check(count <= max, "TOO_MANY_OPERATIONS", () => `block has ${count} ${what}, at most ${max} allowed`);
  }
  for (const op of body.proposerSlashings) processProposerSlashing(cfg, state, op, verifySignatures);
  for (const op of body.attesterSlashings) processAttesterSlashing(cfg, state, op, verifySignatures);
  for (const op of body.attestations) processAttestation(cfg, state, op, verifySignatures);
  for (const op of body.deposits) processDeposit(cfg, state, op, verifyDepositSignatures);
  for (const op of body.voluntaryExits) processVoluntaryExit(cfg, state, op, verifySignatures);
}
