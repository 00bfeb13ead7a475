// N btc20-node processes connected only by libp2p (and a btc20-validator process using them through the Beacon API),
// validators split between them: every node must finalize, every node must finalize the same checkpoints (the same
// root for every finalized epoch, all run long), and the validator client's validators must earn rewards.

import { readBalances } from "../beaconApi.js";
import { consistentFinality, peered, pollUntil, sameFinalized } from "./checks.js";
import type { ProcessScenario } from "./types.js";

export const network: ProcessScenario = {
  name: "network",
  expectation:
    "N node processes over libp2p (+ btc20-validator processes) finalize, every node the same checkpoints, and the validator clients' keys earn rewards",
  defaultNodes: 2,
  fixedNodes: false,
  defaultValidators: 16,
  defaultValidatorClients: 1,
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
    // the btc20-validator processes' keys attested through the API: rewarded in the last full epoch's transition
    const vcKeys = devnet.vcIndices.flat();
    if (devnet.validators.length > 0 && vcKeys.length === 0) return "the btc20-validator processes were given no keys";
    const last = Math.floor(devnet.currentSlot() / spe);
    if (vcKeys.length > 0 && last >= 3) {
      const url = devnet.nodes[0]!.restUrl;
      const before = await readBalances(url, String((last - 1) * spe), vcKeys);
      const after = await readBalances(url, String(last * spe), vcKeys);
      const rose = vcKeys.filter((_, k) => after[k]! > before[k]!).length;
      o.log(`epoch ${last - 2}: ${rose} of the ${vcKeys.length} btc20-validator keys attested and earned rewards`);
      if (rose < vcKeys.length / 2) return `only ${rose} of ${vcKeys.length} btc20-validator keys earned rewards`;
    }
    return consistentFinality(devnet.samples);
  },
};
