// 4 node processes split 2|2 through each node's debug deny route (libp2p disconnects and refuses the other side):
// neither side holds 2/3 of the stake, so finality stops; once the finality delay exceeds
// MIN_EPOCHS_TO_INACTIVITY_PENALTY the inactivity leak drains, on each side's chain, the validators of the other side
// (phase0 beacon-chain.md "Inactivity penalties"). Then the partition heals: all nodes converge on one head and
// finality resumes, the same on every node.
import { denyPeers, readBalances } from "../beaconApi.js";
import { consistentFinality, peered, pollUntil, sameFinalized, sameHead } from "./checks.js";
import type { ProcessScenario } from "./types.js";

const SIDE_A = [0, 1];
const SIDE_B = [2, 3];
/** epochs the partition is held after the leak has started */
const LEAK_EPOCHS = 2;

export const partition: ProcessScenario = {
  name: "partition",
  expectation:
    "4 nodes split 2|2: finality stops, the inactivity leak starts after 4 epochs; healed: one head, finality resumes",
  defaultNodes: 4,
  fixedNodes: true,
  defaultValidators: 16,
  epochs: 14,
  async run(devnet, { log }) {
    const { cfg, nodes } = devnet;
    const spe = cfg.SLOTS_PER_EPOCH;
    const epochNow = () => Math.floor(devnet.currentSlot() / spe);
    if (!devnet.p2p) return "the partition scenario needs btc20-node's p2p layer (--p2p.port, --debug-api)";
    // 1. a healthy start: all connected, first finality
    let reason = await pollUntil(devnet, 7 * spe, (s) => sameFinalized(s, 1) ?? peered(devnet, s, 3));
    if (reason) return `before the partition: ${reason}`;
    // 2. split
    const peerIds = (side: number[]) => side.map((i) => nodes[i]!.peerId!);
    for (const [mine, theirs] of [
      [SIDE_A, SIDE_B],
      [SIDE_B, SIDE_A],
    ] as const) {
      for (const i of mine) {
        const denied = await denyPeers(nodes[i]!.restUrl, peerIds(theirs));
        if (denied.length !== theirs.length)
          return `node-${i} denies ${denied.length} peers, expected ${theirs.length}`;
      }
    }
    const splitEpoch = epochNow();
    const atSplit = await devnet.statuses();
    const finalizedAtSplit = Math.max(...atSplit.map((s) => s?.finalizedEpoch ?? 0));
    log(`epoch ${splitEpoch}: partitioned {node-0,node-1} | {node-2,node-3} (finalized epoch ${finalizedAtSplit})`);
    // 3. finality stops: the epoch in flight may still finalize one more
    const stuck = finalizedAtSplit + 1;
    // is_in_inactivity_leak at the end of epoch e: (e - 1) - finalized > MIN_EPOCHS_TO_INACTIVITY_PENALTY
    const leakEpoch = stuck + cfg.MIN_EPOCHS_TO_INACTIVITY_PENALTY + 1 + 1;
    const sample = async (epoch: number) => {
      await devnet.untilEpoch(epoch + 1, 0.5);
      const s = await devnet.statuses();
      for (const [i, st] of s.entries()) {
        const other = new Set(peerIds(SIDE_A.includes(i) ? SIDE_B : SIDE_A));
        if (!st) return `node-${i} does not answer during the partition`;
        if (st.finalizedEpoch > stuck) {
          return `node-${i} finalized epoch ${st.finalizedEpoch} during the partition (at split: ${finalizedAtSplit})`;
        }
        const across = st.peerIds.filter((p) => other.has(p));
        if (across.length > 0) return `node-${i} is connected to ${across.join(", ")} across the partition`;
      }
      return null;
    };
    // the other side's validators, seen from node-0's chain: the drop in balance over each epoch, per validator
    const otherKeys = devnet.keyIndices(SIDE_B);
    const dropOver = async (epoch: number) => {
      const before = await readBalances(nodes[0]!.restUrl, String(epoch * spe), otherKeys);
      const after = await readBalances(nodes[0]!.restUrl, String((epoch + 1) * spe), otherKeys);
      return before.reduce((sum, b, k) => sum + (b - after[k]!), 0) / otherKeys.length;
    };
    for (let e = splitEpoch + 1; e < leakEpoch + LEAK_EPOCHS; e++) {
      reason = await sample(e);
      if (reason) return reason;
    }
    const gwei = 1e9;
    const beforeLeak = await dropOver(leakEpoch - 2);
    const inLeak = await dropOver(leakEpoch);
    // inactivity penalty per epoch: effective_balance * finality_delay / INACTIVITY_PENALTY_QUOTIENT, delay > 4
    const leakPenalty =
      (cfg.MAX_EFFECTIVE_BALANCE * (cfg.MIN_EPOCHS_TO_INACTIVITY_PENALTY + 1)) / cfg.INACTIVITY_PENALTY_QUOTIENT;
    log(
      `node-0's chain: node-2/3's validators lost ${(beforeLeak / gwei).toFixed(2)} BTCC each over epoch ${leakEpoch - 2}, ` +
        `${(inLeak / gwei).toFixed(2)} BTCC over epoch ${leakEpoch} (inactivity penalty >= ${(leakPenalty / gwei).toFixed(2)})`,
    );
    if (beforeLeak >= leakPenalty / 2) {
      return `the leak started early: the other side lost ${beforeLeak / gwei} BTCC per validator over epoch ${leakEpoch - 2}`;
    }
    if (inLeak < leakPenalty * 0.9) {
      return `no inactivity leak: the other side lost only ${inLeak / gwei} BTCC per validator over epoch ${leakEpoch}`;
    }
    // 4. heal
    for (const node of nodes) await denyPeers(node.restUrl, []);
    const healEpoch = epochNow();
    log(`epoch ${healEpoch}: partition healed`);
    reason = await pollUntil(devnet, (healEpoch + 2) * spe, (s) => sameHead(s) ?? peered(devnet, s, 3));
    if (reason) return `after healing, no single head: ${reason}`;
    log(`one head on every node at slot ${devnet.currentSlot()}`);
    // justification needs two epochs of full votes on one chain, then finality of the first
    reason = await pollUntil(devnet, (healEpoch + 5) * spe, (s) => sameFinalized(s, stuck + 1));
    if (reason) return `finality did not resume after healing: ${reason}`;
    return consistentFinality(devnet.samples);
  },
};
