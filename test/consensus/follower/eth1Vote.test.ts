import { expect } from "chai";
import fc from "fast-check";
import {
  type Eth1Block,
  type Eth1DataValue,
  type Eth1VoteState,
  eth1DataEquals,
  getEth1Vote,
  isCandidateBlock,
  votingPeriodStartTime,
} from "../../../consensus/follower/eth1Vote.js";

const cfg = {
  SECONDS_PER_SLOT: 12,
  SLOTS_PER_EPOCH: 4,
  EPOCHS_PER_ETH1_VOTING_PERIOD: 2,
  SECONDS_PER_ETH1_BLOCK: 10,
  ETH1_FOLLOW_DISTANCE: 5,
};
const GENESIS = 1_000_000;
const bytes = (n: number) => new Uint8Array(32).fill(n);

function block(n: number, timestamp: number, depositCount: number): Eth1Block {
  return { blockNumber: n, timestamp, blockHash: bytes(n), depositRoot: bytes(100 + depositCount), depositCount };
}

/** get_eth1_vote written as the spec's Python reads (max by (count, -first index)), for comparison. */
function referenceVote(state: Eth1VoteState, chain: Eth1Block[]): Eth1DataValue {
  const periodStart = votingPeriodStartTime(cfg, state);
  const votesToConsider = chain.filter(
    (b) => isCandidateBlock(cfg, b, periodStart) && b.depositCount >= state.eth1Data.depositCount,
  );
  const valid = state.eth1DataVotes.filter((v) => votesToConsider.some((c) => eth1DataEquals(c, v)));
  const defaultVote = votesToConsider.length > 0 ? votesToConsider[votesToConsider.length - 1] : state.eth1Data;
  if (valid.length === 0) return defaultVote;
  const key = (v: Eth1DataValue) => [
    valid.filter((w) => eth1DataEquals(w, v)).length,
    -valid.findIndex((w) => eth1DataEquals(w, v)),
  ];
  return valid.reduce((best, v) => {
    const [a, b] = key(v);
    const [c, d] = key(best);
    return a > c || (a === c && b > d) ? v : best;
  });
}

describe("consensus/follower eth1Vote (phase0 validator.md, Eth1 Data)", () => {
  const state = (slot: number, votes: Eth1DataValue[] = [], eth1Count = 0): Eth1VoteState => ({
    slot,
    genesisTime: GENESIS,
    eth1Data: { depositRoot: bytes(100 + eth1Count), depositCount: eth1Count, blockHash: bytes(0) },
    eth1DataVotes: votes,
  });

  it("voting_period_start_time is the time of the period's first slot", () => {
    expect(votingPeriodStartTime(cfg, state(0))).to.equal(GENESIS);
    expect(votingPeriodStartTime(cfg, state(7))).to.equal(GENESIS);
    expect(votingPeriodStartTime(cfg, state(8))).to.equal(GENESIS + 8 * 12);
    expect(votingPeriodStartTime(cfg, state(21))).to.equal(GENESIS + 16 * 12);
  });

  it("is_candidate_block: between one and two follow distances before the period start, both ends included", () => {
    const start = 10_000;
    expect(isCandidateBlock(cfg, { timestamp: start - 50 }, start)).to.equal(true);
    expect(isCandidateBlock(cfg, { timestamp: start - 100 }, start)).to.equal(true);
    expect(isCandidateBlock(cfg, { timestamp: start - 49 }, start)).to.equal(false);
    expect(isCandidateBlock(cfg, { timestamp: start - 101 }, start)).to.equal(false);
  });

  it("defaults to the newest candidate, or the state's eth1 data when there is none", () => {
    const s = state(16); // period start GENESIS + 192
    const start = GENESIS + 192;
    const chain = [block(1, start - 120, 1), block(2, start - 90, 2), block(3, start - 60, 3), block(4, start - 40, 4)];
    expect(getEth1Vote(cfg, s, chain).depositCount).to.equal(3);
    expect(getEth1Vote(cfg, s, [block(4, start - 40, 4)])).to.equal(s.eth1Data);
    // a candidate that would move the deposit count backwards is not considered
    expect(getEth1Vote(cfg, state(16, [], 3), [block(2, start - 90, 2)]).depositCount).to.equal(3);
  });

  it("takes the most frequent valid vote, ties going to the earliest cast; matches the spec's formula on random inputs", () => {
    const start = GENESIS + 192;
    const a = block(2, start - 90, 2);
    const b = block(3, start - 60, 3);
    const outside = block(9, start - 10, 9);
    expect(getEth1Vote(cfg, state(16, [b, a, a, outside, outside, outside]), [a, b, outside]).depositCount).to.equal(2);
    expect(getEth1Vote(cfg, state(16, [b, a, a, b]), [a, b]).depositCount).to.equal(3);

    fc.assert(
      fc.property(
        fc.array(fc.record({ ts: fc.integer({ min: 0, max: 150 }), count: fc.integer({ min: 0, max: 6 }) }), {
          maxLength: 12,
        }),
        fc.array(fc.nat(14), { maxLength: 20 }),
        fc.integer({ min: 0, max: 4 }),
        (blocks, voteIdx, stateCount) => {
          const chain = blocks.sort((x, y) => y.ts - x.ts).map((x, i) => block(i + 1, start - x.ts, x.count));
          const votes = voteIdx.filter((i) => i < chain.length).map((i) => chain[i]);
          const s = state(16 + (voteIdx.length % 8), votes, stateCount);
          const got = getEth1Vote(cfg, s, chain);
          expect(eth1DataEquals(got, referenceVote(s, chain))).to.equal(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
