// A fifth node process without validators starts after epoch 5 from genesis: it must range-sync the chain from its
// peers up to their head, then follow it (same head, same finality as the others).
import { pollUntil, sameFinalized, sameHead } from "./checks.js";
import type { ProcessScenario } from "./types.js";

const JOIN_EPOCH = 5;

export const lateJoiner: ProcessScenario = {
  name: "late-joiner",
  expectation: "a 5th node without validators starts after epoch 5, range-syncs to the head and follows it",
  defaultNodes: 4,
  fixedNodes: true,
  defaultValidators: 16,
  epochs: 9,
  async run(devnet, { log }) {
    const spe = devnet.cfg.SLOTS_PER_EPOCH;
    await devnet.untilEpoch(JOIN_EPOCH, 1);
    const before = await devnet.statuses();
    const headBefore = Math.max(...before.map((s) => s?.headSlot ?? 0));
    const joiner = await devnet.addNode();
    const index = devnet.nodes.length - 1;
    log(`slot ${devnet.currentSlot()}: ${joiner.name} started from genesis, ${headBefore} slots behind`);
    let sawSyncing = false;
    let reason = await pollUntil(devnet, devnet.currentSlot() + 2 * spe, (s) => {
      if (s[index]?.isSyncing) sawSyncing = true;
      return sameHead(s);
    });
    if (reason) return `the late joiner did not reach the head: ${reason}`;
    const caughtUp = devnet.currentSlot();
    log(`slot ${caughtUp}: ${joiner.name} is at the head${sawSyncing ? " (reported syncing on the way)" : ""}`);
    // following: one more epoch later it still has the others' head, and their finality
    await devnet.untilSlot(caughtUp + spe, 2 / 3);
    const minFinalized = Math.max(1, Math.floor(devnet.currentSlot() / spe) - 3);
    reason = await pollUntil(devnet, caughtUp + 2 * spe, (s) => sameHead(s) ?? sameFinalized(s, minFinalized));
    if (reason) return `the late joiner did not follow the head: ${reason}`;
    return null;
  },
};
