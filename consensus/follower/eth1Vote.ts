// Eth1 data voting (phase0 validator.md, "Eth1 Data": voting_period_start_time, is_candidate_block, get_eth1_vote).
// Pure functions: the follower supplies the eth1 chain it has read, the caller the state.
import { equalBytes } from "./hex.js";

/** The config values eth1 voting reads (a subset of BeaconConfig, so any phase0 config fits). */
export interface Eth1VoteConfig {
  SECONDS_PER_SLOT: number;
  SLOTS_PER_EPOCH: number;
  EPOCHS_PER_ETH1_VOTING_PERIOD: number;
  SECONDS_PER_ETH1_BLOCK: number;
  ETH1_FOLLOW_DISTANCE: number;
}

export interface Eth1DataValue {
  depositRoot: Uint8Array;
  depositCount: number;
  blockHash: Uint8Array;
}

/** Eth1Block of validator.md plus what `get_eth1_data(block)` returns for it. */
export interface Eth1Block extends Eth1DataValue {
  blockNumber: number;
  timestamp: number;
}

/** The state fields eth1 voting reads. */
export interface Eth1VoteState {
  slot: number;
  genesisTime: number;
  eth1Data: Eth1DataValue;
  eth1DataVotes: Eth1DataValue[];
}

/** voting_period_start_time: the time of the first slot of the state's eth1 voting period. */
export function votingPeriodStartTime(cfg: Eth1VoteConfig, state: Eth1VoteState): number {
  const periodSlots = cfg.EPOCHS_PER_ETH1_VOTING_PERIOD * cfg.SLOTS_PER_EPOCH;
  const periodStartSlot = state.slot - (state.slot % periodSlots);
  return state.genesisTime + periodStartSlot * cfg.SECONDS_PER_SLOT;
}

/** is_candidate_block: between one and two follow distances (in time) before the period start. */
export function isCandidateBlock(cfg: Eth1VoteConfig, block: { timestamp: number }, periodStart: number): boolean {
  const followSeconds = cfg.SECONDS_PER_ETH1_BLOCK * cfg.ETH1_FOLLOW_DISTANCE;
  return block.timestamp + followSeconds <= periodStart && block.timestamp + followSeconds * 2 >= periodStart;
}

export function eth1DataEquals(a: Eth1DataValue, b: Eth1DataValue): boolean {
  return (
    a.depositCount === b.depositCount &&
    equalBytes(a.depositRoot, b.depositRoot) &&
    equalBytes(a.blockHash, b.blockHash)
  );
}

/**
 * get_eth1_vote: the most frequent vote already cast this period among the candidate blocks' eth1 data (ties go to
 * the vote cast first), else the newest candidate, else the state's own eth1 data. `eth1Chain` is in ascending
 * block order. Candidates never move the deposit count backwards.
 */
export function getEth1Vote(cfg: Eth1VoteConfig, state: Eth1VoteState, eth1Chain: readonly Eth1Block[]): Eth1DataValue {
  const periodStart = votingPeriodStartTime(cfg, state);
  const votesToConsider = eth1Chain.filter(
    (block) => isCandidateBlock(cfg, block, periodStart) && block.depositCount >= state.eth1Data.depositCount,
  );
  const validVotes = state.eth1DataVotes.filter((vote) => votesToConsider.some((c) => eth1DataEquals(c, vote)));
  if (validVotes.length === 0) {
    const latest = votesToConsider[votesToConsider.length - 1];
    return latest
      ? { depositRoot: latest.depositRoot, depositCount: latest.depositCount, blockHash: latest.blockHash }
      : state.eth1Data;
  }
  // max by (count, -first index): scan in order and only replace on a strictly higher count.
  let best = validVotes[0];
  let bestCount = 0;
  for (const vote of validVotes) {
    const count = validVotes.filter((v) => eth1DataEquals(v, vote)).length;
    if (count > bestCount) {
      best = vote;
      bestCount = count;
    }
  }
  return best;
}
