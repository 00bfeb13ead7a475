// One node process (with a quarter of the validators) is killed with SIGKILL in the middle of an epoch once its chain
// has finalized, stays down an epoch, and is restarted on the same data dir: it must resume from its database (its
// finalized state and every block after it, not genesis), catch up with the others (same head, same finality), and
// its validators must earn rewards again.
import { readBalances, readNodeStatus } from "../beaconApi.js";
import { pollUntil, sameFinalized, sameHead } from "./checks.js";
import type { ProcessScenario } from "./types.js";

/** the victim is killed once it has finalized this epoch: it restarts from a finalized state that is not genesis */
const FINALIZED_BEFORE_KILL = 1;
/** by then (with 16 validators, epoch 1 is finalized at the end of epoch 3) */
const FINALITY_DEADLINE_EPOCH = 6;
const VICTIM = 3;

export const crash: ProcessScenario = {
  name: "crash",
  expectation: "a node killed with SIGKILL mid-epoch restarts from its database, catches up and attests again",
  defaultNodes: 4,
  fixedNodes: true,
  defaultValidators: 16,
  epochs: 10,
  async run(devnet, { log }) {
    const spe = devnet.cfg.SLOTS_PER_EPOCH;
    const victim = devnet.nodes[VICTIM]!;
    const finality = await pollUntil(devnet, FINALITY_DEADLINE_EPOCH * spe, (s) => {
      const epoch = s[VICTIM]?.finalizedEpoch ?? -1;
      return epoch >= FINALIZED_BEFORE_KILL ? null : `${victim.name} finalized epoch ${epoch}`;
    });
    if (finality) return `no finality to restart from: ${finality}`;
    // the middle of this epoch, or of the next one if that has passed
    const midEpoch = Math.floor(spe / 2);
    let killEpoch = Math.floor(devnet.currentSlot() / spe);
    if (devnet.currentSlot() >= killEpoch * spe + midEpoch) killEpoch++;
    await devnet.untilSlot(killEpoch * spe + midEpoch, 0.5);
    const atKill = await readNodeStatus(victim.restUrl);
    await victim.kill("SIGKILL");
    log(
      `slot ${devnet.currentSlot()}: ${victim.name} killed with SIGKILL (${victim.process.exitSignal}) at head slot ` +
        `${atKill.headSlot}, finalized epoch ${atKill.finalizedEpoch}`,
    );
    await devnet.untilSlot((killEpoch + 1) * spe + midEpoch, 0.5);
    await victim.start();
    const resumed = victim.startLines.find((l) => l.msg === "resumed from the database");
    if (!resumed) {
      return `${victim.name} did not resume from its database: ${victim.startLines.map((l) => l.msg).join("; ")}`;
    }
    // its own chain came back: the finalized checkpoint it had, and every block it had imported
    const finalized = resumed.finalized as { epoch: number; root: string };
    if (finalized.epoch !== atKill.finalizedEpoch || finalized.root !== atKill.finalizedRoot) {
      return `${victim.name} resumed at finalized ${finalized.epoch}/${finalized.root}, not ${atKill.finalizedEpoch}/${atKill.finalizedRoot}`;
    }
    if (Number(resumed.headSlot) < atKill.headSlot) {
      return `${victim.name} resumed at head slot ${resumed.headSlot}; before the kill it was at ${atKill.headSlot}`;
    }
    const restartSlot = devnet.currentSlot();
    log(
      `slot ${restartSlot}: ${victim.name} restarted and resumed from its database (head slot ${resumed.headSlot}, ` +
        `finalized epoch ${finalized.epoch})`,
    );
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
