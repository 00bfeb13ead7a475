// What the Beacon API's validator endpoints need from the node (ethereum/beacon-APIs "Validator", "Beacon" pool and
// block publishing): engine states to compute duties and attestation data from, block production, and the ways a
// block, attestation, aggregate, exit or slashing enters the node. The node implements it (consensus/node); the
// routes compute duties with the engine's accessors and speak JSON/SSZ.
import type { BeaconConfig } from "../params/beaconConfig.js";
import type {
  Attestation,
  AttesterSlashing,
  BeaconBlock,
  BeaconState,
  ProposerSlashing,
  SignedBeaconBlock,
  SignedVoluntaryExit,
} from "../types/index.js";
import type { SignedAggregateAndProofValue } from "../validator/types.js";
import type { StateSelector } from "./chainView.js";

/** `broadcast_validation` of POST /eth/v2/beacon/blocks. */
export const BROADCAST_VALIDATIONS = ["gossip", "consensus", "consensus_and_equivocation"] as const;
export type BroadcastValidation = (typeof BROADCAST_VALIDATIONS)[number];

/** What became of a published block: imported into the chain, or held (unknown parent) and broadcast anyway. */
export type PublishBlockOutcome = "imported" | "queued";

export interface BeaconCommitteeSubscription {
  validatorIndex: number;
  committeeIndex: number;
  committeesAtSlot: number;
  slot: number;
  isAggregator: boolean;
}

export interface ProducedBlock {
  block: BeaconBlock;
  /** what the block itself pays its proposer (balance change of process_block), in Gwei */
  consensusBlockValueGwei: number;
}

export interface ValidatorApiBackend {
  /** the engine's config: SSZ types and every value the accessors read */
  readonly cfg: BeaconConfig;
  /** wall-clock slot */
  currentSlot(): number;
  /** slot of the head block */
  headSlot(): number;
  /**
   * The head chain's state for duties of `epoch`: the head state advanced to the epoch's first slot when the head is
   * before it, else the canonical state at that slot. Null when no such state is kept (before the finalized one).
   */
  dutyState(epoch: number): BeaconState | null;
  /** The beacon-APIs dependent roots of `epoch` on the head chain (previous: attester duties; current: proposer). */
  dutyDependentRoots(epoch: number): { previous: Uint8Array; current: Uint8Array };
  /**
   * The head chain at `slot` for attestation data: its latest block at or before `slot` and the state of that block
   * advanced to `slot`. Null when `slot` is before the states the node keeps.
   */
  chainAtSlot(slot: number): { state: BeaconState; blockRoot: Uint8Array } | null;
  /** A full engine state by state_id (committees need more than ChainView's ApiState). */
  getBeaconState(selector: StateSelector): { state: BeaconState; finalized: boolean } | null;

  /** A block for `slot` on the head; throws when the randao reveal is not the proposer's (unless skipped) */
  produceBlock(slot: number, randaoReveal: Uint8Array, graffiti: Uint8Array, verifyRandao: boolean): ProducedBlock;
  /** Validates and imports `block`, then broadcasts it; throws (nothing broadcast) when it is invalid. */
  publishBlock(block: SignedBeaconBlock, validation: BroadcastValidation): PublishBlockOutcome;

  /** Validated, pooled and gossiped; throws when the node rejects it. */
  publishAttestation(attestation: Attestation): void;
  /** The pooled attestations (aggregated per attestation data). */
  poolAttestations(): Attestation[];
  /** The best aggregate of the attestation data with hash_tree_root `dataRoot` at `slot`, or null. */
  getAggregate(slot: number, dataRoot: Uint8Array): Attestation | null;
  /** Validated, imported and gossiped; throws when the node rejects it. */
  publishAggregateAndProof(aggregate: SignedAggregateAndProofValue): void;
  /** The node is asked to collect attestations of these committees (subnets). */
  subscribeToBeaconCommittees(subscriptions: BeaconCommitteeSubscription[]): void;

  voluntaryExits(): SignedVoluntaryExit[];
  /** Pooled and gossiped if process_voluntary_exit passes on the head state; throws otherwise. */
  publishVoluntaryExit(exit: SignedVoluntaryExit): void;
  proposerSlashings(): ProposerSlashing[];
  publishProposerSlashing(slashing: ProposerSlashing): void;
  attesterSlashings(): AttesterSlashing[];
  publishAttesterSlashing(slashing: AttesterSlashing): void;
}
