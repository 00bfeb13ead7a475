// Plain data shapes shared by the fork-choice core (proto-array + votes) and the Store wiring.
// Roots travel as lowercase 0x-prefixed hex strings: they key maps and compare byte-wise as strings.

/** A 32-byte root as lowercase 0x-prefixed hex (66 characters). */
export type RootHex = string;

/** The spec's `Checkpoint` with the root as hex. */
export interface Checkpoint {
  epoch: number;
  root: RootHex;
}

/**
 * What the fork choice needs to know about one block, once the state transition has run:
 * `justifiedCheckpoint` / `finalizedCheckpoint` are the post-state's `current_justified_checkpoint` /
 * `finalized_checkpoint`; the unrealized pair is the same post-state after `process_justification_and_finalization`
 * ran on a copy (the spec's `compute_pulled_up_tip`).
 */
export interface BlockSummary {
  root: RootHex;
  parentRoot: RootHex;
  slot: number;
  justifiedCheckpoint: Checkpoint;
  finalizedCheckpoint: Checkpoint;
  unrealizedJustifiedCheckpoint: Checkpoint;
  unrealizedFinalizedCheckpoint: Checkpoint;
}

/**
 * The justified checkpoint state's weights, as `get_weight` reads them: per validator the effective balance in
 * units of EFFECTIVE_BALANCE_INCREMENT when active in the state's current epoch and not slashed, else 0; and
 * `get_total_active_balance` in Gwei (slashed validators included, as the spec counts them there).
 */
export interface JustifiedBalances {
  effectiveBalanceIncrements: Uint32Array;
  totalActiveBalance: bigint;
}

/** The config keys the fork choice reads; a `BeaconConfig` satisfies it. */
export interface ForkChoiceConfig {
  SLOTS_PER_EPOCH: number;
  SECONDS_PER_SLOT: number;
  EFFECTIVE_BALANCE_INCREMENT: number;
  /** fork-choice.md v1.4.0 configuration; 40 when the config file does not name it. */
  PROPOSER_SCORE_BOOST?: number;
}

export function checkpointsEqual(a: Checkpoint, b: Checkpoint): boolean {
  return a.epoch === b.epoch && a.root === b.root;
}
