// voluntary_exit, proposer_slashing and attester_slashing gossip validation (phase0 p2p-interface.md "Global
// topics"): the IGNORE for an already-seen validator, then the REJECT of the operation's block-processing checks
// (process_voluntary_exit, process_proposer_slashing, process_attester_slashing) run on a copy of the head state,
// exactly as a block would run them. The copy is the engine's O(1) copy-on-write one (cloneBeaconState).
import { processAttesterSlashing } from "../../state-transition/block/processAttesterSlashing.js";
import { processProposerSlashing } from "../../state-transition/block/processProposerSlashing.js";
import { processVoluntaryExit } from "../../state-transition/block/processVoluntaryExit.js";
import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import type { AttesterSlashing, ProposerSlashing, SignedVoluntaryExit } from "../../types/index.js";
import type { GossipContext } from "./gossipContext.js";
import { ignore, reject } from "./gossipValidationError.js";

function onHeadCopy(
  ctx: GossipContext,
  code: string,
  run: (state: ReturnType<GossipContext["chain"]["headState"]>) => void,
) {
  const state = cloneBeaconState(ctx.cfg, ctx.chain.headState());
  try {
    run(state);
  } catch (e) {
    throw reject(code, (e as Error).message);
  }
}

export function validateGossipVoluntaryExit(ctx: GossipContext, signed: SignedVoluntaryExit): void {
  const index = signed.message.validatorIndex;
  // [IGNORE] the first valid exit of this validator
  if (ctx.seen.exits.has(index)) throw ignore("EXIT_ALREADY_KNOWN", `an exit of validator ${index} was already seen`);
  // [REJECT] passes process_voluntary_exit (index, active, not exiting, epoch, SHARD_COMMITTEE_PERIOD, signature)
  onHeadCopy(ctx, "INVALID_EXIT", (state) => processVoluntaryExit(ctx.cfg, state, signed));
  ctx.seen.exits.add(index);
}

export function validateGossipProposerSlashing(ctx: GossipContext, slashing: ProposerSlashing): void {
  const index = slashing.signedHeader1.message.proposerIndex;
  // [IGNORE] the first valid slashing of this proposer
  if (ctx.seen.proposerSlashings.has(index)) {
    throw ignore("PROPOSER_SLASHING_ALREADY_KNOWN", `a slashing of proposer ${index} was already seen`);
  }
  // [REJECT] passes process_proposer_slashing (slots, indices, headers differ, slashable, signatures)
  onHeadCopy(ctx, "INVALID_PROPOSER_SLASHING", (state) => processProposerSlashing(ctx.cfg, state, slashing));
  ctx.seen.proposerSlashings.add(index);
}

export function validateGossipAttesterSlashing(ctx: GossipContext, slashing: AttesterSlashing): void {
  const second = new Set(slashing.attestation2.attestingIndices);
  const intersection = slashing.attestation1.attestingIndices.filter((i) => second.has(i));
  // [IGNORE] at least one validator of the intersection not yet seen slashed
  if (intersection.length > 0 && intersection.every((i) => ctx.seen.attesterSlashed.has(i))) {
    throw ignore("ATTESTER_SLASHING_ALREADY_KNOWN", "every slashable index was already seen in a slashing");
  }
  // [REJECT] passes process_attester_slashing (slashable data, valid indexed attestations, a slashable validator)
  onHeadCopy(ctx, "INVALID_ATTESTER_SLASHING", (state) => processAttesterSlashing(ctx.cfg, state, slashing));
  for (const i of intersection) ctx.seen.attesterSlashed.add(i);
}
