// Where a reorg of the eth1 chain left the follower's stored history.

import { FollowerError } from "./errors.js";
import type { Eth1Provider } from "./eth1Provider.js";
import type { Cursor, FollowerStore } from "./followerStore.js";
import { toHex } from "./hex.js";

/**
 * The newest stored block that is still canonical, walking back from `cursor` through the stored eth1 blocks (those
 * with deposits, batch ends and the recent ones). Below them: the finalized snapshot's block, which must still be
 * canonical (else REORG_BELOW_FINALIZED), or, with no snapshot, the block before the contract's deployment.
 */
export async function findForkPoint(
  provider: Eth1Provider,
  store: FollowerStore,
  cursor: Cursor,
  depositContractDeployBlock: number,
): Promise<Cursor> {
  const snapshot = store.getSnapshot();
  const floor = snapshot?.executionBlockHeight ?? -1;
  let below = cursor.blockNumber;
  for (;;) {
    const stored = store.eth1BlocksDescending(below, 64).filter((b) => b.blockNumber > floor);
    if (stored.length === 0) break;
    for (const b of stored) {
      const header = await provider.getBlockByNumber(b.blockNumber);
      if (header?.hash === b.blockHash) return { blockNumber: b.blockNumber, blockHash: b.blockHash };
    }
    below = stored[stored.length - 1].blockNumber - 1;
  }
  if (snapshot) {
    const header = await provider.getBlockByNumber(snapshot.executionBlockHeight);
    const hash = toHex(snapshot.executionBlockHash);
    if (header?.hash !== hash) {
      throw new FollowerError(
        "REORG_BELOW_FINALIZED",
        `finalized block ${snapshot.executionBlockHeight} (${hash}) is no longer canonical`,
      );
    }
    return { blockNumber: snapshot.executionBlockHeight, blockHash: hash };
  }
  return { blockNumber: depositContractDeployBlock - 1, blockHash: "" };
}
