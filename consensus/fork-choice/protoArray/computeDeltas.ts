// Vote deltas for the proto-array: how much attestation weight each node gains or loses since the last run.
// This is `get_weight`'s attestation score made incremental: a validator's balance moves from the node of its
// previous counted vote (with the balance it was counted with) to the node of its latest message (with the
// current justified balance); equivocating validators' counted weight is removed and never re-added.
// Weights are in units of EFFECTIVE_BALANCE_INCREMENT so that sums over a million validators stay exact in a double.
import { NO_VOTE, type VoteTracker } from "./voteTracker.js";

export function computeDeltas(
  nodeCount: number,
  votes: VoteTracker,
  oldBalances: Uint32Array,
  newBalances: Uint32Array,
): Float64Array {
  const deltas = new Float64Array(nodeCount);
  const { current, next, equivocating } = votes;
  const oldLength = oldBalances.length;
  const newLength = newBalances.length;
  for (let i = 0; i < votes.length; i++) {
    const currentIndex = current[i];
    const nextIndex = next[i];
    if (currentIndex === NO_VOTE && nextIndex === NO_VOTE) continue;
    const oldBalance = i < oldLength ? oldBalances[i] : 0;
    if (equivocating[i] === 1) {
      if (currentIndex !== NO_VOTE) deltas[currentIndex] -= oldBalance;
      current[i] = NO_VOTE;
      next[i] = NO_VOTE;
      continue;
    }
    const newBalance = i < newLength ? newBalances[i] : 0;
    if (currentIndex !== nextIndex || oldBalance !== newBalance) {
      if (currentIndex !== NO_VOTE) deltas[currentIndex] -= oldBalance;
      if (nextIndex !== NO_VOTE) deltas[nextIndex] += newBalance;
      current[i] = nextIndex;
    }
  }
  return deltas;
}
