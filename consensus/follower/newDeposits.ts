// Deposit indices must run 0, 1, 2, ... without a hole or a rewrite: the deposit contract assigns them, so anything
// else means the endpoint (or the follower) is wrong, and guessing would feed the engine a wrong deposit.
import type { DepositTree } from "../../sdk/deposit-tree/index.js";
import type { DepositEvent } from "./depositLog.js";
import { FollowerError } from "./errors.js";
import { equalBytes, toHex } from "./hex.js";

/**
 * The deposits of an answer (in log order) that are new to `tree`. A gap halts (DEPOSIT_INDEX_GAP); an index already
 * held must carry the same deposit — an idempotent re-read — or it halts (DEPOSIT_CONFLICT). Both errors name the
 * block and the index. Indices below the finalized count were pruned into the snapshot and are final already.
 */
export function newDeposits(
  events: readonly DepositEvent[],
  tree: Pick<DepositTree, "depositCount" | "finalizedCount" | "getLeaf">,
): DepositEvent[] {
  const fresh: DepositEvent[] = [];
  const held = tree.depositCount;
  let expected = held;
  for (const e of events) {
    if (e.index < expected) {
      const known =
        e.index >= held
          ? fresh[e.index - held].depositDataRoot
          : e.index >= tree.finalizedCount
            ? tree.getLeaf(e.index)
            : null;
      if (known !== null && !equalBytes(known, e.depositDataRoot)) {
        throw new FollowerError(
          "DEPOSIT_CONFLICT",
          `block ${e.blockNumber}: deposit index ${e.index} already holds a different deposit (root ${toHex(known)}, log has ${toHex(e.depositDataRoot)})`,
        );
      }
      continue;
    }
    if (e.index > expected) {
      throw new FollowerError(
        "DEPOSIT_INDEX_GAP",
        `block ${e.blockNumber}: deposit index ${e.index}, expected ${expected}`,
      );
    }
    fresh.push(e);
    expected++;
  }
  return fresh;
}
