// One node process (with a quarter of the validators) is killed with SIGKILL in the middle of an epoch, stays down an
// epoch, and is restarted on the same data dir: it must resume from its database (not from genesis), catch up with
// the others (same head, same finality), and its validators must earn rewards again.
import { readBalances } from "../beaconApi.js";
import { pollUntil, sameFinalized, sameHead } from "./checks.js";
import type { ProcessScenario } from "./types.js";

const KILL_EPOCH = 1;
const VICTIM = 3;

export const crash: ProcessScenario = {
  name: "crash",
  expectation: "a node killed with SIGKILL mid-epoch restarts from its database, catches up and attests again",
  defaultNodes: 4,
  fixedNodes: true,
  defaultValidators: 16,
  epochs: 7,
  async run(devnet, { log }) {
    const spe = devnet.cfg.SLOTS_PER_EPOCH;
    const victim = devnet.nodes[VICTIM]!;
    await devnet.untilSlot(KILL_EPOCH * spe + Math.floor(spe / 2), 0.5);
    await victim.kill("SIGKILL");
    log(`slot ${devnet.currentSlot()}: ${victim.name} killed with SIGKILL (${victim.process.exitSignal})`);
    await devnet.untilSlot((KILL_EPOCH + 1) * spe + Math.floor(spe / 2), 0.5);
    await victim.start();
    const resumed = victim.startLines.find((l) => l.msg === "resumed from the database");
    if (!resumed) {
      return `${victim.name} did not resume from its database: ${victim.startLines.map((l) => l.msg).join("; ")}`;
    }
    const restartSlot = devnet.currentSlot();
    log(`slot ${restartSlot}: ${victim.name} restarted and resumed from its database`);
    let reason = await pollUntil(devnet, restartSlot + 2 * spe, (s) => sameHead(s));
    if (reason) return `${victim.name} did not catch up: ${reason}`;
    const caughtUp = devnet.currentSlot();
    log(`slot ${caughtUp}: ${victim.name} is at the head`);
    // its validators attest again: the first full epoch after catching up; its attestations are rewarded in the
    // epoch transition at the end of the next epoch (process_rewards_and_penalties credits the previous epoch), so
    // the balances (seen from node-0's chain) rise between the starts of epochs e+1 and e+2
    const epoch = Math.floor(caughtUp / spe) + 1;
    await devnet.untilEpoch(epoch + 2, 2 / 3);
    const keys = devnet.keyIndices([VICTIM]);
    const before = await readBalances(devnet.nodes[0]!.restUrl, String((epoch + 1) * spe), keys);
    const after = await readBalances(devnet.nodes[0]!.restUrl, String((epoch + 2) * spe), keys);
    const rose = keys.filter((_, k) => after[k]! > before[k]!).length;
    log(`epoch ${epoch}: ${rose} of ${victim.name}'s ${keys.length} validators attested and earned rewards`);
    if (rose < keys.length / 2) {
      return `only ${rose} of ${keys.length} of ${victim.name}'s validators earned rewards for epoch ${epoch}`;
    }
    const minFinalized = Math.max(1, epoch - 1);
    reason = await pollUntil(devnet, (epoch + 3) * spe, (s) => sameFinalized(s, minFinalized) ?? sameHead(s));
    return reason;
  },
};
