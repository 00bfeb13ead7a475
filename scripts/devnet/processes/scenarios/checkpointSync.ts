// A node process started with --checkpoint-sync-url of another node (no genesis state): it must start from that
// node's finalized state (its head is the checkpoint block when its API comes up, not genesis), then follow the head.
import { pollUntil, sameFinalized, sameHead } from "./checks.js";
import type { ProcessScenario } from "./types.js";

/** the first finalized epoch to wait for before the checkpoint-synced node starts */
const FROM_FINALIZED = 2;

export const checkpointSync: ProcessScenario = {
  name: "checkpoint-sync",
  expectation:
    "a node started with --checkpoint-sync-url of another node starts from its finalized state, follows the head",
  defaultNodes: 4,
  fixedNodes: true,
  defaultValidators: 16,
  epochs: 8,
  async run(devnet, { log }) {
    const spe = devnet.cfg.SLOTS_PER_EPOCH;
    let reason = await pollUntil(devnet, (FROM_FINALIZED + 4) * spe, (s) => sameFinalized(s, FROM_FINALIZED));
    if (reason) return `no finality to sync from: ${reason}`;
    const source = devnet.nodes[1]!;
    const at = (await devnet.statuses())[1]!;
    const node = await devnet.addNode({ checkpointSyncUrl: source.restUrl });
    const index = devnet.nodes.length - 1;
    const first = (await devnet.statuses())[index];
    if (!first) return `${node.name} does not answer after starting`;
    // the head it comes up with is the checkpoint block (the finalized_checkpoint inside that state is older: the
    // state at a checkpoint records the finality known then), not genesis
    const checkpointSlot = at.finalizedEpoch * spe;
    log(
      `${node.name} started from ${source.name}'s finalized state (epoch ${at.finalizedEpoch}): head slot ` +
        `${first.headSlot} when its API came up`,
    );
    if (first.headSlot < checkpointSlot - spe) {
      return `${node.name} came up at slot ${first.headSlot}, not at ${source.name}'s finalized checkpoint (epoch ${at.finalizedEpoch}, slot ${checkpointSlot})`;
    }
    const start = devnet.currentSlot();
    reason = await pollUntil(devnet, start + 2 * spe, (s) => sameHead(s));
    if (reason) return `the checkpoint-synced node did not reach the head: ${reason}`;
    // and it follows: an epoch later, same head and the finality moved on with the others
    await devnet.untilSlot(devnet.currentSlot() + spe, 2 / 3);
    reason = await pollUntil(
      devnet,
      devnet.currentSlot() + spe,
      (s) => sameHead(s) ?? sameFinalized(s, at.finalizedEpoch + 1),
    );
    if (reason) return `the checkpoint-synced node did not follow: ${reason}`;
    return null;
  },
};
