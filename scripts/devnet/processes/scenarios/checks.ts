// Checks shared by the process scenarios, on what the nodes report over their Beacon API.
import type { NodeStatus } from "../beaconApi.js";
import type { ProcessDevnet, ViewSample } from "../processDevnet.js";

const short = (hex: string) => `${hex.slice(0, 10)}…`;

/** null iff every listed node answers and all report the same finalized checkpoint, at epoch >= minEpoch. */
export function sameFinalized(statuses: (NodeStatus | null)[], minEpoch: number, nodes?: number[]): string | null {
  const which = nodes ?? statuses.map((_, i) => i);
  const first = statuses[which[0]!];
  for (const i of which) {
    const s = statuses[i];
    if (!s) return `node-${i} does not answer on its Beacon API`;
    if (s.finalizedEpoch < minEpoch)
      return `node-${i} finalized epoch ${s.finalizedEpoch}, expected at least ${minEpoch}`;
    if (s.finalizedEpoch !== first!.finalizedEpoch || s.finalizedRoot !== first!.finalizedRoot) {
      return (
        `node-${i} finalized ${s.finalizedEpoch}/${short(s.finalizedRoot)} but node-${which[0]} ` +
        `${first!.finalizedEpoch}/${short(first!.finalizedRoot)}`
      );
    }
  }
  return null;
}

/** null iff the listed nodes report one head root (the same block). */
export function sameHead(statuses: (NodeStatus | null)[], nodes?: number[]): string | null {
  const which = nodes ?? statuses.map((_, i) => i);
  const first = statuses[which[0]!];
  for (const i of which) {
    const s = statuses[i];
    if (!s) return `node-${i} does not answer on its Beacon API`;
    if (s.headRoot !== first!.headRoot) {
      return `node-${i} head ${s.headSlot}/${short(s.headRoot)}, node-${which[0]} ${first!.headSlot}/${short(first!.headRoot)}`;
    }
  }
  return null;
}

/**
 * null iff no two nodes ever reported different roots for the same finalized epoch over the whole run (every
 * live-view sample): finality is one chain on every node.
 */
export function consistentFinality(samples: ViewSample[]): string | null {
  const seen = new Map<number, { root: string; node: number; slot: number }>();
  for (const { slot, statuses } of samples) {
    for (const [i, s] of statuses.entries()) {
      if (!s || s.finalizedEpoch === 0) continue;
      const prev = seen.get(s.finalizedEpoch);
      if (!prev) seen.set(s.finalizedEpoch, { root: s.finalizedRoot, node: i, slot });
      else if (prev.root !== s.finalizedRoot) {
        return (
          `conflicting finality: epoch ${s.finalizedEpoch} finalized as ${short(prev.root)} on node-${prev.node} ` +
          `(slot ${prev.slot}) and ${short(s.finalizedRoot)} on node-${i} (slot ${slot})`
        );
      }
    }
  }
  return null;
}

/**
 * Polls every node (about twice a slot) until `done(statuses)` returns null or the deadline slot passes; returns the
 * last reason (null when it held).
 */
export async function pollUntil(
  devnet: ProcessDevnet,
  deadlineSlot: number,
  done: (statuses: (NodeStatus | null)[]) => string | null,
): Promise<string | null> {
  let reason: string | null = "not checked yet";
  while (devnet.currentSlot() <= deadlineSlot) {
    reason = done(await devnet.statuses());
    if (reason === null) return null;
    await new Promise((r) => setTimeout(r, (devnet.cfg.SECONDS_PER_SLOT * 1000) / 2));
  }
  return `${reason} (still at slot ${deadlineSlot})`;
}

/**
 * null iff every running node has at least `min` peers (skipped when the nodes have no p2p layer or no
 * /eth/v1/node/peer_count).
 */
export function peered(devnet: ProcessDevnet, statuses: (NodeStatus | null)[], min: number): string | null {
  if (!devnet.p2p) return null;
  for (const [i, s] of statuses.entries()) {
    if (s && s.peers !== null && s.peers < min) return `node-${i} has ${s.peers} peers, expected at least ${min}`;
  }
  return null;
}
