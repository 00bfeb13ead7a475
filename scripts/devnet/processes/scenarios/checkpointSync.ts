// A node process started with --checkpoint-sync-url of another node (no genesis state): it must start from that
// node's finalized state (already finalized at the checkpoint when its API comes up), then follow the head.
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
    log(
      `${node.name} started from ${source.name}'s finalized state: finalized epoch ${first.finalizedEpoch}, ` +
        `head slot ${first.headSlot} (${source.name} finalized ${at.finalizedEpoch})`,
    );
    if (first.finalizedEpoch < at.finalizedEpoch) {
      return `${node.name} came up finalized at epoch ${first.finalizedEpoch}, not at ${source.name}'s ${at.finalizedEpoch}`;
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
