// N btc20-node processes connected only by libp2p, validators split between them: every node must finalize, and
// every node must finalize the same checkpoints (the same root for every finalized epoch, all run long).

import { consistentFinality, peered, pollUntil, sameFinalized } from "./checks.js";
import type { ProcessScenario } from "./types.js";

export const network: ProcessScenario = {
  name: "network",
  expectation: "N node processes over libp2p finalize, and every node finalizes the same checkpoints",
  defaultNodes: 4,
  fixedNodes: false,
  defaultValidators: 16,
  epochs: 6,
  async run(devnet, o) {
    const epochs = o.epochs ?? this.epochs;
    const spe = devnet.cfg.SLOTS_PER_EPOCH;
    // 2/3 into the second slot of the last epoch (its first block carries the epoch transition), or until Ctrl-C
    await devnet.untilSlot(Number.isFinite(epochs) ? epochs * spe + 1 : Number.MAX_SAFE_INTEGER, 2 / 3);
    const end = devnet.currentSlot();
    // healthy finality: at the start of epoch e the finalized epoch is e - 2; one epoch of slack for a missed block
    const minFinalized = Math.max(1, Math.floor(end / spe) - 3);
    const reason = await pollUntil(
      devnet,
      end + spe - 1,
      (s) => sameFinalized(s, minFinalized) ?? peered(devnet, s, 1),
    );
    if (reason) return reason;
    const final = (await devnet.statuses())[0]!;
    o.log(`every node finalized epoch ${final.finalizedEpoch} (${final.finalizedRoot})`);
    return consistentFinality(devnet.samples);
  },
};
