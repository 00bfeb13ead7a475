// Test oracle: a plain, literal transcription of fork-choice.md at ethereum/consensus-specs v1.4.0 over a
// Store-like structure (recursive filter_block_tree, get_weight scanning every validator, get_ancestor walking
// parents, Gwei as bigint). Slow on purpose; only tests use it. States are reduced to what these functions read:
// a block state's checkpoints, and a checkpoint state's validator registry and current epoch. The optional
// proposer-head helpers (get_proposer_head, is_head_late ... is_parent_strong) are left out, as in the core.

export type RootHex = string;
export interface Checkpoint {
  epoch: number;
  root: RootHex;
}
export interface OracleBlock {
  slot: number;
  parentRoot: RootHex;
}
export interface OracleValidator {
  effectiveBalance: bigint;
  activationEpoch: number;
  exitEpoch: number;
  slashed: boolean;
}
/** What get_weight reads of store.checkpoint_states[store.justified_checkpoint]. */
export interface OracleCheckpointState {
  currentEpoch: number;
  validators: OracleValidator[];
}
/** What get_voting_source and update_checkpoints read of store.block_states[root]. */
export interface OracleBlockState {
  currentJustifiedCheckpoint: Checkpoint;
  finalizedCheckpoint: Checkpoint;
}
export interface OracleConfig {
  SLOTS_PER_EPOCH: number;
  SECONDS_PER_SLOT: number;
  EFFECTIVE_BALANCE_INCREMENT: number;
  PROPOSER_SCORE_BOOST: number;
}

export const ZERO_ROOT: RootHex = `0x${"00".repeat(32)}`;
const GENESIS_EPOCH = 0;
const GENESIS_SLOT = 0;
const INTERVALS_PER_SLOT = 3;

class AssertionError extends Error {}
function assert(condition: boolean, what: string): asserts condition {
  if (!condition) throw new AssertionError(`assert failed: ${what}`);
}

export interface OracleStore {
  cfg: OracleConfig;
  time: number;
  genesisTime: number;
  justifiedCheckpoint: Checkpoint;
  finalizedCheckpoint: Checkpoint;
  unrealizedJustifiedCheckpoint: Checkpoint;
  unrealizedFinalizedCheckpoint: Checkpoint;
  proposerBoostRoot: RootHex;
  equivocatingIndices: Set<number>;
  blocks: Map<RootHex, OracleBlock>;
  blockStates: Map<RootHex, OracleBlockState>;
  blockTimeliness: Map<RootHex, boolean>;
  /** store.checkpoint_states, looked up by checkpoint */
  checkpointStates: (checkpoint: Checkpoint) => OracleCheckpointState;
  latestMessages: Map<number, { epoch: number; root: RootHex }>;
  unrealizedJustifications: Map<RootHex, Checkpoint>;
}

function computeEpochAtSlot(store: OracleStore, slot: number): number {
  return Math.floor(slot / store.cfg.SLOTS_PER_EPOCH);
}
function computeStartSlotAtEpoch(store: OracleStore, epoch: number): number {
  return epoch * store.cfg.SLOTS_PER_EPOCH;
}

/** get_forkchoice_store, with the anchor reduced to its root, slot, block state and epoch. */
export function getForkchoiceStore(
  cfg: OracleConfig,
  anchor: { root: RootHex; slot: number; parentRoot: RootHex; state: OracleBlockState; epoch: number },
  genesisTime: number,
  checkpointStates: (checkpoint: Checkpoint) => OracleCheckpointState,
): OracleStore {
  const justified = { epoch: anchor.epoch, root: anchor.root };
  const finalized = { epoch: anchor.epoch, root: anchor.root };
  return {
    cfg,
    time: genesisTime + cfg.SECONDS_PER_SLOT * anchor.slot,
    genesisTime,
    justifiedCheckpoint: justified,
    finalizedCheckpoint: finalized,
    unrealizedJustifiedCheckpoint: justified,
    unrealizedFinalizedCheckpoint: finalized,
    proposerBoostRoot: ZERO_ROOT,
    equivocatingIndices: new Set(),
    blocks: new Map([[anchor.root, { slot: anchor.slot, parentRoot: anchor.parentRoot }]]),
    blockStates: new Map([[anchor.root, anchor.state]]),
    blockTimeliness: new Map(),
    checkpointStates,
    latestMessages: new Map(),
    unrealizedJustifications: new Map([[anchor.root, justified]]),
  };
}

export function isPreviousEpochJustified(store: OracleStore): boolean {
  const currentEpoch = getCurrentStoreEpoch(store);
  return store.justifiedCheckpoint.epoch + 1 === currentEpoch;
}

export function getSlotsSinceGenesis(store: OracleStore): number {
  return Math.floor((store.time - store.genesisTime) / store.cfg.SECONDS_PER_SLOT);
}

export function getCurrentSlot(store: OracleStore): number {
  return GENESIS_SLOT + getSlotsSinceGenesis(store);
}

export function getCurrentStoreEpoch(store: OracleStore): number {
  return computeEpochAtSlot(store, getCurrentSlot(store));
}

export function computeSlotsSinceEpochStart(store: OracleStore, slot: number): number {
  return slot - computeStartSlotAtEpoch(store, computeEpochAtSlot(store, slot));
}

export function getAncestor(store: OracleStore, root: RootHex, slot: number): RootHex {
  const block = store.blocks.get(root);
  assert(block !== undefined, `block ${root} in store.blocks`);
  if (block.slot > slot) return getAncestor(store, block.parentRoot, slot);
  return root;
}

export function calculateCommitteeFraction(
  store: OracleStore,
  state: OracleCheckpointState,
  committeePercent: number,
): bigint {
  const committeeWeight = getTotalActiveBalance(store, state) / BigInt(store.cfg.SLOTS_PER_EPOCH);
  return (committeeWeight * BigInt(committeePercent)) / 100n;
}

export function getCheckpointBlock(store: OracleStore, root: RootHex, epoch: number): RootHex {
  const epochFirstSlot = computeStartSlotAtEpoch(store, epoch);
  return getAncestor(store, root, epochFirstSlot);
}

export function getProposerScore(store: OracleStore): bigint {
  const justifiedCheckpointState = store.checkpointStates(store.justifiedCheckpoint);
  const committeeWeight = getTotalActiveBalance(store, justifiedCheckpointState) / BigInt(store.cfg.SLOTS_PER_EPOCH);
  return (committeeWeight * BigInt(store.cfg.PROPOSER_SCORE_BOOST)) / 100n;
}

export function getWeight(store: OracleStore, root: RootHex): bigint {
  const state = store.checkpointStates(store.justifiedCheckpoint);
  const unslashedAndActiveIndices: number[] = [];
  state.validators.forEach((v, i) => {
    if (v.activationEpoch <= state.currentEpoch && state.currentEpoch < v.exitEpoch && !v.slashed) {
      unslashedAndActiveIndices.push(i);
    }
  });
  const blockSlot = store.blocks.get(root)!.slot;
  let attestationScore = 0n;
  for (const i of unslashedAndActiveIndices) {
    const message = store.latestMessages.get(i);
    if (
      message !== undefined &&
      !store.equivocatingIndices.has(i) &&
      getAncestor(store, message.root, blockSlot) === root
    ) {
      attestationScore += state.validators[i].effectiveBalance;
    }
  }
  if (store.proposerBoostRoot === ZERO_ROOT) return attestationScore;

  let proposerScore = 0n;
  if (getAncestor(store, store.proposerBoostRoot, blockSlot) === root) {
    proposerScore = getProposerScore(store);
  }
  return attestationScore + proposerScore;
}

function getTotalActiveBalance(store: OracleStore, state: OracleCheckpointState): bigint {
  let total = 0n;
  for (const v of state.validators) {
    if (v.activationEpoch <= state.currentEpoch && state.currentEpoch < v.exitEpoch) total += v.effectiveBalance;
  }
  const increment = BigInt(store.cfg.EFFECTIVE_BALANCE_INCREMENT);
  return total > increment ? total : increment;
}

export function getVotingSource(store: OracleStore, blockRoot: RootHex): Checkpoint {
  const block = store.blocks.get(blockRoot)!;
  const currentEpoch = getCurrentStoreEpoch(store);
  const blockEpoch = computeEpochAtSlot(store, block.slot);
  if (currentEpoch > blockEpoch) {
    return store.unrealizedJustifications.get(blockRoot)!;
  }
  const headState = store.blockStates.get(blockRoot)!;
  return headState.currentJustifiedCheckpoint;
}

export function filterBlockTree(store: OracleStore, blockRoot: RootHex, blocks: Map<RootHex, OracleBlock>): boolean {
  const block = store.blocks.get(blockRoot)!;
  const children = [...store.blocks.keys()].filter((root) => store.blocks.get(root)!.parentRoot === blockRoot);

  if (children.length > 0) {
    const filterBlockTreeResult = children.map((child) => filterBlockTree(store, child, blocks));
    if (filterBlockTreeResult.some((x) => x)) {
      blocks.set(blockRoot, block);
      return true;
    }
    return false;
  }

  const currentEpoch = getCurrentStoreEpoch(store);
  const votingSource = getVotingSource(store, blockRoot);

  const correctJustified =
    store.justifiedCheckpoint.epoch === GENESIS_EPOCH ||
    votingSource.epoch === store.justifiedCheckpoint.epoch ||
    votingSource.epoch + 2 >= currentEpoch;

  const finalizedCheckpointBlock = getCheckpointBlock(store, blockRoot, store.finalizedCheckpoint.epoch);

  const correctFinalized =
    store.finalizedCheckpoint.epoch === GENESIS_EPOCH || store.finalizedCheckpoint.root === finalizedCheckpointBlock;

  if (correctJustified && correctFinalized) {
    blocks.set(blockRoot, block);
    return true;
  }
  return false;
}

export function getFilteredBlockTree(store: OracleStore): Map<RootHex, OracleBlock> {
  const base = store.justifiedCheckpoint.root;
  const blocks = new Map<RootHex, OracleBlock>();
  filterBlockTree(store, base, blocks);
  return blocks;
}

/** max(children, key=lambda root: (get_weight(store, root), root)), roots compared as bytes */
export function getHead(store: OracleStore): RootHex {
  const blocks = getFilteredBlockTree(store);
  let head = store.justifiedCheckpoint.root;
  while (true) {
    const children = [...blocks.keys()].filter((root) => blocks.get(root)!.parentRoot === head);
    if (children.length === 0) return head;
    let best = children[0];
    let bestWeight = getWeight(store, best);
    for (const child of children.slice(1)) {
      const weight = getWeight(store, child);
      if (weight > bestWeight || (weight === bestWeight && compareRootBytes(child, best) > 0)) {
        best = child;
        bestWeight = weight;
      }
    }
    head = best;
  }
}

function compareRootBytes(a: RootHex, b: RootHex): number {
  return Buffer.compare(Buffer.from(a.slice(2), "hex"), Buffer.from(b.slice(2), "hex"));
}

export function updateCheckpoints(store: OracleStore, justified: Checkpoint, finalized: Checkpoint): void {
  if (justified.epoch > store.justifiedCheckpoint.epoch) store.justifiedCheckpoint = justified;
  if (finalized.epoch > store.finalizedCheckpoint.epoch) store.finalizedCheckpoint = finalized;
}

export function updateUnrealizedCheckpoints(store: OracleStore, justified: Checkpoint, finalized: Checkpoint): void {
  if (justified.epoch > store.unrealizedJustifiedCheckpoint.epoch) store.unrealizedJustifiedCheckpoint = justified;
  if (finalized.epoch > store.unrealizedFinalizedCheckpoint.epoch) store.unrealizedFinalizedCheckpoint = finalized;
}

/** compute_pulled_up_tip, with process_justification_and_finalization's output given. */
export function computePulledUpTip(
  store: OracleStore,
  blockRoot: RootHex,
  pulledUp: { currentJustifiedCheckpoint: Checkpoint; finalizedCheckpoint: Checkpoint },
): void {
  store.unrealizedJustifications.set(blockRoot, pulledUp.currentJustifiedCheckpoint);
  updateUnrealizedCheckpoints(store, pulledUp.currentJustifiedCheckpoint, pulledUp.finalizedCheckpoint);
  const blockEpoch = computeEpochAtSlot(store, store.blocks.get(blockRoot)!.slot);
  const currentEpoch = getCurrentStoreEpoch(store);
  if (blockEpoch < currentEpoch) {
    updateCheckpoints(store, pulledUp.currentJustifiedCheckpoint, pulledUp.finalizedCheckpoint);
  }
}

export function onTickPerSlot(store: OracleStore, time: number): void {
  const previousSlot = getCurrentSlot(store);
  store.time = time;
  const currentSlot = getCurrentSlot(store);
  if (currentSlot > previousSlot) store.proposerBoostRoot = ZERO_ROOT;
  if (currentSlot > previousSlot && computeSlotsSinceEpochStart(store, currentSlot) === 0) {
    updateCheckpoints(store, store.unrealizedJustifiedCheckpoint, store.unrealizedFinalizedCheckpoint);
  }
}

export function onTick(store: OracleStore, time: number): void {
  const tickSlot = Math.floor((time - store.genesisTime) / store.cfg.SECONDS_PER_SLOT);
  while (getCurrentSlot(store) < tickSlot) {
    const previousTime = store.genesisTime + (getCurrentSlot(store) + 1) * store.cfg.SECONDS_PER_SLOT;
    onTickPerSlot(store, previousTime);
  }
  onTickPerSlot(store, time);
}

/**
 * on_block with state_transition replaced by its outcome: `state` is the post-state's checkpoints, `pulledUp` the
 * checkpoints after process_justification_and_finalization on a copy.
 */
export function onBlock(
  store: OracleStore,
  block: { root: RootHex; slot: number; parentRoot: RootHex },
  state: OracleBlockState,
  pulledUp: { currentJustifiedCheckpoint: Checkpoint; finalizedCheckpoint: Checkpoint },
): void {
  assert(store.blockStates.has(block.parentRoot), "parent known");
  assert(getCurrentSlot(store) >= block.slot, "block not from the future");
  const finalizedSlot = computeStartSlotAtEpoch(store, store.finalizedCheckpoint.epoch);
  assert(block.slot > finalizedSlot, "block after the finalized slot");
  const finalizedCheckpointBlock = getCheckpointBlock(store, block.parentRoot, store.finalizedCheckpoint.epoch);
  assert(store.finalizedCheckpoint.root === finalizedCheckpointBlock, "finalized descendant");

  store.blocks.set(block.root, { slot: block.slot, parentRoot: block.parentRoot });
  store.blockStates.set(block.root, state);

  const timeIntoSlot = (store.time - store.genesisTime) % store.cfg.SECONDS_PER_SLOT;
  const isBeforeAttestingInterval = timeIntoSlot < Math.floor(store.cfg.SECONDS_PER_SLOT / INTERVALS_PER_SLOT);
  const isTimely = getCurrentSlot(store) === block.slot && isBeforeAttestingInterval;
  store.blockTimeliness.set(block.root, isTimely);

  const isFirstBlock = store.proposerBoostRoot === ZERO_ROOT;
  if (isTimely && isFirstBlock) store.proposerBoostRoot = block.root;

  updateCheckpoints(store, state.currentJustifiedCheckpoint, state.finalizedCheckpoint);
  computePulledUpTip(store, block.root, pulledUp);
}

export function validateOnAttestation(
  store: OracleStore,
  data: { slot: number; beaconBlockRoot: RootHex; target: Checkpoint },
  isFromBlock: boolean,
): void {
  const target = data.target;
  if (!isFromBlock) {
    const currentEpoch = getCurrentStoreEpoch(store);
    const previousEpoch = currentEpoch > GENESIS_EPOCH ? currentEpoch - 1 : GENESIS_EPOCH;
    assert(target.epoch === currentEpoch || target.epoch === previousEpoch, "target epoch current or previous");
  }
  assert(target.epoch === computeEpochAtSlot(store, data.slot), "target epoch matches slot");
  assert(store.blocks.has(target.root), "target known");
  assert(store.blocks.has(data.beaconBlockRoot), "block known");
  assert(store.blocks.get(data.beaconBlockRoot)!.slot <= data.slot, "block not after attestation slot");
  assert(
    target.root === getCheckpointBlock(store, data.beaconBlockRoot, target.epoch),
    "LMD vote consistent with FFG target",
  );
  assert(getCurrentSlot(store) >= data.slot + 1, "attestation from a past slot");
}

export function updateLatestMessages(
  store: OracleStore,
  attestingIndices: number[],
  data: { beaconBlockRoot: RootHex; target: Checkpoint },
): void {
  const nonEquivocating = attestingIndices.filter((i) => !store.equivocatingIndices.has(i));
  for (const i of nonEquivocating) {
    const message = store.latestMessages.get(i);
    if (message === undefined || data.target.epoch > message.epoch) {
      store.latestMessages.set(i, { epoch: data.target.epoch, root: data.beaconBlockRoot });
    }
  }
}

/** on_attester_slashing after its validity checks: the intersection joins the equivocating set. */
export function onAttesterSlashingIndices(store: OracleStore, indices1: number[], indices2: number[]): void {
  const second = new Set(indices2);
  for (const index of indices1) if (second.has(index)) store.equivocatingIndices.add(index);
}
