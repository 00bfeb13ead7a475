import { computeSigningRoot as signingRootOfObjectRoot, UintNum64 } from "../../../sdk/ssz/index.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, IndexedAttestation, SignedBeaconBlock } from "../../types/index.js";
import { getBeaconProposerIndex } from "../accessors/getBeaconProposerIndex.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getDomain } from "../accessors/getDomain.js";
import { getIndexedAttestation } from "../accessors/getIndexedAttestation.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import type { AggregateSignatureSet } from "../crypto/verifyAggregateSignatureSets.js";
import { computeEpochAtSlot } from "../misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";

/**
 * Every signature a block asks the state transition to check, as batchable sets, computed on the state at the block's
 * slot (before process_block; nothing a block does changes a domain, a committee or an existing validator's key):
 * the proposer's block signature (if `includeBlockSignature`) and RANDAO reveal, both headers of each proposer
 * slashing, both attestations of each attester slashing, each attestation and each voluntary exit — the same signing
 * roots as verify_block_signature, process_randao, process_proposer_slashing, is_valid_indexed_attestation and
 * process_voluntary_exit. Deposit proofs-of-possession are not included: an invalid one does not invalidate a block.
 * Throws on operations too malformed to name their signers (the caller then checks one by one). `blockRoot`: the
 * block's hash tree root when the caller has it (not computed again).
 */
export function getBlockSignatureSets(
  cfg: BeaconConfig,
  state: BeaconState,
  signedBlock: SignedBeaconBlock,
  includeBlockSignature: boolean,
  blockRoot?: Uint8Array,
): AggregateSignatureSet[] {
  const { types } = cfg;
  const block = signedBlock.message;
  const body = block.body;
  const pubkeyOf = (index: number): Uint8Array => {
    const validator = state.validators[index];
    if (!validator) throw new RangeError(`validator ${index} does not exist`);
    return validator.pubkey;
  };
  const sets: AggregateSignatureSet[] = [];

  if (includeBlockSignature) {
    const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_PROPOSER);
    sets.push({
      publicKeys: [pubkeyOf(block.proposerIndex)],
      message: blockRoot
        ? signingRootOfObjectRoot(blockRoot, domain)
        : computeSigningRoot(types.BeaconBlock, block, domain),
      signature: signedBlock.signature,
    });
  }
  const epoch = getCurrentEpoch(cfg, state);
  sets.push({
    publicKeys: [pubkeyOf(getBeaconProposerIndex(cfg, state))],
    message: computeSigningRoot(UintNum64, epoch, getDomain(cfg, state, cfg.DOMAIN_RANDAO)),
    signature: body.randaoReveal,
  });
  for (const slashing of body.proposerSlashings) {
    for (const signed of [slashing.signedHeader1, slashing.signedHeader2]) {
      const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_PROPOSER, computeEpochAtSlot(cfg, signed.message.slot));
      sets.push({
        publicKeys: [pubkeyOf(slashing.signedHeader1.message.proposerIndex)],
        message: computeSigningRoot(types.BeaconBlockHeader, signed.message, domain),
        signature: signed.signature,
      });
    }
  }
  const indexedSet = (indexed: IndexedAttestation): AggregateSignatureSet => {
    const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_ATTESTER, indexed.data.target.epoch);
    return {
      publicKeys: indexed.attestingIndices.map(pubkeyOf),
      message: computeSigningRoot(types.AttestationData, indexed.data, domain),
      signature: indexed.signature,
    };
  };
  for (const slashing of body.attesterSlashings) {
    sets.push(indexedSet(slashing.attestation1), indexedSet(slashing.attestation2));
  }
  const previousEpoch = getPreviousEpoch(cfg, state);
  for (const attestation of body.attestations) {
    // Committees only of the two epochs process_attestation accepts (others are rejected there, never shuffled here).
    const target = attestation.data.target.epoch;
    if ((target !== epoch && target !== previousEpoch) || computeEpochAtSlot(cfg, attestation.data.slot) !== target) {
      throw new RangeError(`attestation for epoch ${target} cannot be included at epoch ${epoch}`);
    }
    sets.push(indexedSet(getIndexedAttestation(cfg, state, attestation)));
  }
  for (const signed of body.voluntaryExits) {
    const domain = getDomain(cfg, state, cfg.DOMAIN_VOLUNTARY_EXIT, signed.message.epoch);
    sets.push({
      publicKeys: [pubkeyOf(signed.message.validatorIndex)],
      message: computeSigningRoot(types.VoluntaryExit, signed.message, domain),
      signature: signed.signature,
    });
  }
  return sets;
}
