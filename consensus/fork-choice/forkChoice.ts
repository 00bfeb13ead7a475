// The fork-choice core: fork-choice.md at ethereum/consensus-specs v1.4.0 (proposer boost to the first timely block
// of a slot, block timeliness, equivocating indices, unrealized justification / pull-up tips), over block summaries
// instead of blocks and states. It holds the Store's checkpoints, time, proposer_boost_root, block timeliness, latest
// messages and equivocating indices, and answers get_head through the proto-array. The state transition stays
// outside (see store/): callers hand in each block's realized and unrealized checkpoints, and a function giving the
// justified checkpoint state's balances.
//
// Semantics are v1.4.0's exactly, including: the proposer boost goes to the first timely block of the current slot
// only (a second timely block of the same slot, e.g. from an equivocating proposer, gets none; v1.3.0 moved the
// boost to the latest one), and is reset at each new slot; a leaf is viable for the head when its voting source is
// the store's justified checkpoint or at most two epochs old (v1.3.0 required the previous epoch to be justified
// for the latter); at each new epoch the unrealized checkpoints are realized; a block from a prior epoch has its
// pulled-up checkpoints applied at once. The proposer-side re-org helpers of v1.4.0 (get_proposer_head and the
// is_head_late ... is_parent_strong predicates, "optional" in the spec) are not implemented; the block timeliness
// they read is recorded (isBlockTimely).
//
// Pruning at finality drops blocks that do not descend from the finalized block from the tree but remembers
// their slot and parent, so attestations naming them are judged as the spec judges them. Pruning assumes finality
// is never reverted: after a finality conflict (conflicting checkpoints finalized, which needs a third of the stake
// to be slashable) the spec may pick a head inside a dropped branch. `pruneAtFinality: false` keeps every block and
// follows the spec in that case too.
import { INTERVALS_PER_SLOT } from "./constants.js";
import { ForkChoiceError } from "./errors.js";
import { computeDeltas } from "./protoArray/computeDeltas.js";
import { computeProposerScore, type ProposerScore } from "./protoArray/proposerScore.js";
import { ProtoArray } from "./protoArray/protoArray.js";
import { NO_VOTE, VoteTracker } from "./protoArray/voteTracker.js";
import {
  computeEpochAtSlot,
  computeSlotsSinceEpochStart,
  computeStartSlotAtEpoch,
  getCurrentSlot,
  getCurrentStoreEpoch,
  getSlotsSinceGenesis,
} from "./time.js";
import {
  type BlockSummary,
  type Checkpoint,
  checkpointsEqual,
  type ForkChoiceConfig,
  type JustifiedBalances,
  type RootHex,
} from "./types.js";

/** Gives the balances of `store.checkpoint_states[checkpoint]` (called when the justified checkpoint changes). */
export type JustifiedBalancesGetter = (checkpoint: Checkpoint) => JustifiedBalances;

export interface ForkChoiceAnchor {
  /**
   * The anchor block. Its unrealized checkpoints are the anchor checkpoint (get_current_epoch(anchor_state), root),
   * its realized ones the anchor state's.
   */
  block: BlockSummary;
  /** get_current_epoch(anchor_state) */
  epoch: number;
  genesisTime: number;
  /** anchor_state.genesis_time + SECONDS_PER_SLOT * anchor_state.slot */
  time: number;
}

/** The parts of an attestation's data that the fork choice checks (`validate_on_attestation`). */
export interface AttestationVote {
  slot: number;
  beaconBlockRoot: RootHex;
  target: Checkpoint;
}

export interface ForkChoiceOptions {
  /** Drop blocks that no longer descend from the finalized block (default true). */
  pruneAtFinality?: boolean;
}

export class ForkChoice {
  readonly protoArray: ProtoArray;
  readonly votes = new VoteTracker();
  time: number;
  readonly genesisTime: number;
  justifiedCheckpoint: Checkpoint;
  finalizedCheckpoint: Checkpoint;
  unrealizedJustifiedCheckpoint: Checkpoint;
  unrealizedFinalizedCheckpoint: Checkpoint;
  /** store.proposer_boost_root; null stands for Root() (no boost). */
  proposerBoostRoot: RootHex | null = null;

  private balances: Uint32Array = new Uint32Array(0);
  private balancesCheckpoint: Checkpoint | null = null;
  private proposerScore: ProposerScore = { gwei: 0n, increments: 0, remainderGwei: 0 };
  private prunedAtRoot: RootHex;

  constructor(
    readonly cfg: ForkChoiceConfig,
    anchor: ForkChoiceAnchor,
    private readonly getJustifiedBalances: JustifiedBalancesGetter,
    private readonly options: ForkChoiceOptions = {},
  ) {
    const anchorCheckpoint = { epoch: anchor.epoch, root: anchor.block.root };
    this.protoArray = new ProtoArray(cfg);
    this.protoArray.onBlock({
      ...anchor.block,
      unrealizedJustifiedCheckpoint: anchorCheckpoint,
      unrealizedFinalizedCheckpoint: anchorCheckpoint,
    });
    this.time = anchor.time;
    this.genesisTime = anchor.genesisTime;
    this.justifiedCheckpoint = anchorCheckpoint;
    this.finalizedCheckpoint = anchorCheckpoint;
    this.unrealizedJustifiedCheckpoint = anchorCheckpoint;
    this.unrealizedFinalizedCheckpoint = anchorCheckpoint;
    this.prunedAtRoot = anchor.block.root;
  }

  /** get_current_slot */
  getCurrentSlot(): number {
    return getCurrentSlot(this.cfg, this.time, this.genesisTime);
  }

  /** get_current_store_epoch */
  getCurrentStoreEpoch(): number {
    return getCurrentStoreEpoch(this.cfg, this.time, this.genesisTime);
  }

  /** get_current_store_epoch (the name this class had before v1.4.0 named the helper). */
  getCurrentEpoch(): number {
    return this.getCurrentStoreEpoch();
  }

  /** The spec's `root in store.blocks` (pruned blocks included). */
  hasBlock(root: RootHex): boolean {
    return this.protoArray.isKnown(root);
  }

  /** get_ancestor (undefined below the anchor) */
  getAncestor(root: RootHex, slot: number): RootHex | undefined {
    return this.protoArray.getAncestor(root, slot);
  }

  /** get_checkpoint_block: the block of the checkpoint of `epoch` on `root`'s chain (undefined below the anchor). */
  getCheckpointBlock(root: RootHex, epoch: number): RootHex | undefined {
    return this.protoArray.getAncestor(root, computeStartSlotAtEpoch(this.cfg, epoch));
  }

  /**
   * store.block_timeliness[root]: whether the block arrived in its own slot before the attesting interval.
   * undefined for the anchor (the spec records none for it) and for blocks pruned at finality or never seen.
   */
  isBlockTimely(root: RootHex): boolean | undefined {
    return this.protoArray.getNode(root)?.timely;
  }

  /** is_previous_epoch_justified (v1.4.0 keeps it; filter_block_tree no longer reads it) */
  isPreviousEpochJustified(): boolean {
    return this.justifiedCheckpoint.epoch + 1 === this.getCurrentStoreEpoch();
  }

  // ---- on_tick ----

  /** on_tick: catches up slot by slot so every slot start runs on_tick_per_slot. Time never goes back. */
  onTick(time: number): void {
    if (time < this.time) {
      throw new ForkChoiceError("TIME_BEFORE_STORE_TIME", `tick at ${time} is before the store time ${this.time}`);
    }
    const tickSlot = getSlotsSinceGenesis(this.cfg, time, this.genesisTime);
    while (this.getCurrentSlot() < tickSlot) {
      const previousTime = this.genesisTime + (this.getCurrentSlot() + 1) * this.cfg.SECONDS_PER_SLOT;
      this.onTickPerSlot(previousTime);
    }
    this.onTickPerSlot(time);
  }

  /** on_tick_per_slot */
  private onTickPerSlot(time: number): void {
    const previousSlot = this.getCurrentSlot();
    this.time = time;
    const currentSlot = this.getCurrentSlot();
    if (currentSlot > previousSlot) this.proposerBoostRoot = null;
    if (currentSlot > previousSlot && computeSlotsSinceEpochStart(this.cfg, currentSlot) === 0) {
      this.updateCheckpoints(this.unrealizedJustifiedCheckpoint, this.unrealizedFinalizedCheckpoint);
    }
  }

  // ---- on_block ----

  /** The checks on_block makes before running the state transition. */
  validateBlock(parentRoot: RootHex, slot: number): void {
    if (!this.protoArray.isKnown(parentRoot)) {
      throw new ForkChoiceError("UNKNOWN_PARENT", `parent ${parentRoot} of the block at slot ${slot} is not known`);
    }
    const currentSlot = this.getCurrentSlot();
    if (currentSlot < slot) {
      throw new ForkChoiceError("BLOCK_FROM_FUTURE", `block slot ${slot} is after the current slot ${currentSlot}`);
    }
    const finalizedSlot = computeStartSlotAtEpoch(this.cfg, this.finalizedCheckpoint.epoch);
    if (!(slot > finalizedSlot)) {
      throw new ForkChoiceError(
        "BLOCK_NOT_AFTER_FINALIZED_SLOT",
        `block slot ${slot} is not after the finalized epoch's start slot ${finalizedSlot}`,
      );
    }
    const finalizedCheckpointBlock = this.getCheckpointBlock(parentRoot, this.finalizedCheckpoint.epoch);
    if (finalizedCheckpointBlock !== this.finalizedCheckpoint.root) {
      throw new ForkChoiceError(
        "BLOCK_NOT_FINALIZED_DESCENDANT",
        `block's ancestor at the finalized slot ${finalizedSlot} is ${finalizedCheckpointBlock ?? "unknown"}, expected the finalized root ${this.finalizedCheckpoint.root}`,
      );
    }
  }

  /** on_block after the state transition succeeded, `block` summarising the block and its post-state. */
  onBlock(block: BlockSummary): void {
    this.validateBlock(block.parentRoot, block.slot);
    const node = this.protoArray.nodes[this.protoArray.onBlock(block)];

    // store.block_timeliness: in its own slot, before the attesting interval
    const timeIntoSlot = (this.time - this.genesisTime) % this.cfg.SECONDS_PER_SLOT;
    const isBeforeAttestingInterval = timeIntoSlot < Math.floor(this.cfg.SECONDS_PER_SLOT / INTERVALS_PER_SLOT);
    const isTimely = this.getCurrentSlot() === block.slot && isBeforeAttestingInterval;
    node.timely = isTimely;

    // The proposer boost goes to the first timely block of the slot only (none was boosted since the slot began)
    const isFirstBlock = this.proposerBoostRoot === null;
    if (isTimely && isFirstBlock) this.proposerBoostRoot = block.root;

    this.updateCheckpoints(block.justifiedCheckpoint, block.finalizedCheckpoint);
    this.computePulledUpTip(block);
  }

  /** compute_pulled_up_tip, given the pulled-up checkpoints the caller computed on a copy of the post-state. */
  private computePulledUpTip(block: BlockSummary): void {
    // unrealized_justifications[block_root] is the node's unrealizedJustifiedCheckpoint
    this.updateUnrealizedCheckpoints(block.unrealizedJustifiedCheckpoint, block.unrealizedFinalizedCheckpoint);
    const blockEpoch = computeEpochAtSlot(this.cfg, block.slot);
    if (blockEpoch < this.getCurrentStoreEpoch()) {
      this.updateCheckpoints(block.unrealizedJustifiedCheckpoint, block.unrealizedFinalizedCheckpoint);
    }
  }

  /** update_checkpoints */
  private updateCheckpoints(justified: Checkpoint, finalized: Checkpoint): void {
    if (justified.epoch > this.justifiedCheckpoint.epoch) this.justifiedCheckpoint = justified;
    if (finalized.epoch > this.finalizedCheckpoint.epoch) this.finalizedCheckpoint = finalized;
  }

  /** update_unrealized_checkpoints */
  private updateUnrealizedCheckpoints(justified: Checkpoint, finalized: Checkpoint): void {
    if (justified.epoch > this.unrealizedJustifiedCheckpoint.epoch) this.unrealizedJustifiedCheckpoint = justified;
    if (finalized.epoch > this.unrealizedFinalizedCheckpoint.epoch) this.unrealizedFinalizedCheckpoint = finalized;
  }

  // ---- on_attestation ----

  /** validate_target_epoch_against_current_time */
  validateTargetEpochAgainstCurrentTime(target: Checkpoint): void {
    const currentEpoch = this.getCurrentStoreEpoch();
    const previousEpoch = currentEpoch > 0 ? currentEpoch - 1 : 0;
    if (target.epoch !== currentEpoch && target.epoch !== previousEpoch) {
      throw new ForkChoiceError(
        "ATTESTATION_TARGET_EPOCH_NOT_CURRENT_OR_PREVIOUS",
        `target epoch ${target.epoch} is neither the current epoch ${currentEpoch} nor the previous ${previousEpoch}`,
      );
    }
  }

  /** validate_on_attestation (the signature and committee checks need the target state: see store/onAttestation). */
  validateOnAttestation(vote: AttestationVote, isFromBlock: boolean): void {
    const { target } = vote;
    if (!isFromBlock) this.validateTargetEpochAgainstCurrentTime(target);
    const slotEpoch = computeEpochAtSlot(this.cfg, vote.slot);
    if (target.epoch !== slotEpoch) {
      throw new ForkChoiceError(
        "ATTESTATION_TARGET_EPOCH_SLOT_MISMATCH",
        `target epoch ${target.epoch} differs from the epoch ${slotEpoch} of attestation slot ${vote.slot}`,
      );
    }
    if (!this.protoArray.isKnown(target.root)) {
      throw new ForkChoiceError("ATTESTATION_UNKNOWN_TARGET_ROOT", `target root ${target.root} is not known`);
    }
    const blockSlot = this.protoArray.getSlot(vote.beaconBlockRoot);
    if (blockSlot === undefined) {
      throw new ForkChoiceError(
        "ATTESTATION_UNKNOWN_BEACON_BLOCK_ROOT",
        `beacon block root ${vote.beaconBlockRoot} is not known`,
      );
    }
    if (blockSlot > vote.slot) {
      throw new ForkChoiceError(
        "ATTESTATION_BLOCK_AFTER_ATTESTATION_SLOT",
        `voted block is at slot ${blockSlot}, after the attestation slot ${vote.slot}`,
      );
    }
    const checkpointBlock = this.getCheckpointBlock(vote.beaconBlockRoot, target.epoch);
    if (checkpointBlock !== target.root) {
      throw new ForkChoiceError(
        "ATTESTATION_TARGET_NOT_ANCESTOR_OF_BLOCK",
        `the voted block's checkpoint block for epoch ${target.epoch} is ${checkpointBlock ?? "unknown"}, expected the target root ${target.root}`,
      );
    }
    const currentSlot = this.getCurrentSlot();
    if (!(currentSlot >= vote.slot + 1)) {
      throw new ForkChoiceError(
        "ATTESTATION_FROM_CURRENT_OR_FUTURE_SLOT",
        `attestation slot ${vote.slot} is not before the current slot ${currentSlot}`,
      );
    }
  }

  /**
   * update_latest_messages (after validation): equivocators are skipped, only newer target epochs replace.
   * A vote for a pruned block still replaces the latest message, and weighs on nothing.
   */
  updateLatestMessages(attestingIndices: Iterable<number>, beaconBlockRoot: RootHex, targetEpoch: number): void {
    const nodeIndex =
      this.protoArray.indexOf(beaconBlockRoot) ?? (this.protoArray.isKnown(beaconBlockRoot) ? NO_VOTE : undefined);
    if (nodeIndex === undefined) {
      throw new ForkChoiceError(
        "ATTESTATION_UNKNOWN_BEACON_BLOCK_ROOT",
        `beacon block root ${beaconBlockRoot} is not known`,
      );
    }
    for (const index of attestingIndices) this.votes.updateLatestMessage(index, nodeIndex, targetEpoch);
  }

  /** on_attester_slashing's effect, given the intersection of the two attestations' attesting indices. */
  addEquivocatingIndices(indices: Iterable<number>): void {
    for (const index of indices) this.votes.markEquivocating(index);
  }

  // ---- get_head ----

  /** get_head: applies the votes and balances that changed since the last call, then runs the proto-array. */
  getHead(): RootHex {
    let newBalances = this.balances;
    if (this.balancesCheckpoint === null || !checkpointsEqual(this.balancesCheckpoint, this.justifiedCheckpoint)) {
      const justified = this.getJustifiedBalances(this.justifiedCheckpoint);
      newBalances = justified.effectiveBalanceIncrements;
      this.proposerScore = computeProposerScore(this.cfg, justified.totalActiveBalance);
      this.balancesCheckpoint = this.justifiedCheckpoint;
    }
    const deltas = computeDeltas(this.protoArray.length, this.votes, this.balances, newBalances);
    this.balances = newBalances;
    this.protoArray.applyScoreChanges(deltas);
    const head = this.protoArray.findHead({
      justifiedCheckpoint: this.justifiedCheckpoint,
      finalizedCheckpoint: this.finalizedCheckpoint,
      currentEpoch: this.getCurrentStoreEpoch(),
      proposerBoostRoot: this.proposerBoostRoot,
      proposerScore: this.proposerScore,
    });
    this.pruneAtFinality();
    return head;
  }

  /** Drops the blocks that no longer descend from the finalized block, once the justified root descends from it. */
  private pruneAtFinality(): void {
    if (this.options.pruneAtFinality === false) return;
    const finalizedRoot = this.finalizedCheckpoint.root;
    if (finalizedRoot === this.prunedAtRoot || !this.protoArray.hasBlock(finalizedRoot)) return;
    const finalizedSlot = this.protoArray.getNode(finalizedRoot)!.slot;
    if (this.protoArray.getAncestor(this.justifiedCheckpoint.root, finalizedSlot) !== finalizedRoot) return;
    const newIndexOf = this.protoArray.prune(finalizedRoot);
    if (newIndexOf !== null) this.votes.remapNodeIndices(newIndexOf);
    this.prunedAtRoot = finalizedRoot;
  }
}
