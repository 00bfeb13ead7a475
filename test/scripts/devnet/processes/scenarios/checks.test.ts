// The process scenarios' checks on node statuses: agreement on finality and head, and finality never conflicting.
import { expect } from "chai";
import type { NodeStatus } from "../../../../../scripts/devnet/processes/beaconApi.js";
import {
  consistentFinality,
  sameFinalized,
  sameHead,
} from "../../../../../scripts/devnet/processes/scenarios/checks.js";

const root = (b: number) => `0x${b.toString(16).padStart(2, "0").repeat(32)}`;
const status = (o: Partial<NodeStatus>): NodeStatus => ({
  peers: 3,
  peerIds: ["a", "b", "c"],
  headSlot: 20,
  headRoot: root(1),
  justifiedEpoch: 3,
  finalizedEpoch: 2,
  finalizedRoot: root(9),
  isSyncing: false,
  syncDistance: 0,
  ...o,
});

describe("scripts/devnet/processes/scenarios checks", () => {
  it("sameFinalized: null when all agree at or above the minimum, else the node that differs", () => {
    expect(sameFinalized([status({}), status({})], 2)).to.equal(null);
    expect(sameFinalized([status({}), status({})], 3)).to.match(/node-0 finalized epoch 2, expected at least 3/);
    expect(sameFinalized([status({}), status({ finalizedRoot: root(8) })], 2)).to.match(/^node-1 finalized 2\/0x0808/);
    expect(sameFinalized([status({}), null], 1)).to.match(/node-1 does not answer/);
    expect(sameFinalized([status({}), null], 1, [0])).to.equal(null);
  });

  it("sameHead: one head root on every node", () => {
    expect(sameHead([status({}), status({})])).to.equal(null);
    expect(sameHead([status({}), status({ headSlot: 19, headRoot: root(2) })])).to.match(/node-1 head 19/);
  });

  it("consistentFinality: the same epoch finalized with two roots anywhere in the run is a failure", () => {
    const ok = [
      { slot: 10, statuses: [status({ finalizedEpoch: 1, finalizedRoot: root(5) }), null] },
      { slot: 20, statuses: [status({}), status({ finalizedEpoch: 1, finalizedRoot: root(5) })] },
    ];
    expect(consistentFinality(ok)).to.equal(null);
    const bad = [...ok, { slot: 24, statuses: [status({}), status({ finalizedRoot: root(7) })] }];
    expect(consistentFinality(bad)).to.match(
      /conflicting finality: epoch 2 finalized as 0x0909.* on node-0 .* on node-1 \(slot 24\)/,
    );
  });
});
