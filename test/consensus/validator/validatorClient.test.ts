// The validator client's duties against a real node (genesis from SDK deposits): signatures valid under the
// engine's own checks, slashing protection refusing a second, different vote, aggregation selection.
import { expect } from "chai";
import fc from "fast-check";
import { Scheduler } from "../../../consensus/node/clock/scheduler.js";
import { getIndexedAttestation } from "../../../consensus/state-transition/accessors/getIndexedAttestation.js";
import { verifyBlockSignature } from "../../../consensus/state-transition/block/verifyBlockSignature.js";
import { isValidIndexedAttestation } from "../../../consensus/state-transition/predicates/isValidIndexedAttestation.js";
import type { Attestation, SignedBeaconBlock } from "../../../consensus/types/index.js";
import { isAggregator } from "../../../consensus/validator/isAggregator.js";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { genesisFromDeposits } from "../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { devnetDepositData } from "../../../scripts/devnet/runScenario.js";
import { createDevnetNodes } from "../../../scripts/devnet/simulation.js";

describe("consensus/validator duties", function () {
  this.timeout(60_000);
  const cfg = createDevnetConfig();
  const keys = devnetKeys(0, 8);
  const genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(3), 1_800_000_000, devnetDepositData(keys));

  function setup() {
    const scheduler = new Scheduler("virtual", genesis.genesisTime);
    const { nodes, clients } = createDevnetNodes({ cfg, genesisState: genesis, keys, nodeCount: 1, scheduler });
    const node = nodes[0]!;
    const blocks: SignedBeaconBlock[] = [];
    const atts: Attestation[] = [];
    const publishBlock = node.publishBlock.bind(node);
    const publishAttestation = node.publishAttestation.bind(node);
    node.publishBlock = (b) => {
      blocks.push(b);
      publishBlock(b);
    };
    node.publishAttestation = (a) => {
      atts.push(a);
      publishAttestation(a);
    };
    return { node, vc: clients[0]!, blocks, atts };
  }

  it("proposes a block whose signature and RANDAO reveal pass the state transition", () => {
    const { node, vc, blocks } = setup();
    node.chain.onTick(genesis.genesisTime + cfg.SECONDS_PER_SLOT);
    vc.propose(1);
    expect(blocks).to.have.length(1);
    const state = node.chain.headStateAtSlot(1);
    expect(verifyBlockSignature(cfg, state, blocks[0]!)).to.equal(true);
    expect(node.chain.headState().slot).to.equal(1); // imported through stateTransition with BLS checks
  });

  it("attests with valid signatures, and slashing protection refuses a conflicting second vote", () => {
    const { node, vc, atts } = setup();
    node.chain.onTick(genesis.genesisTime + cfg.SECONDS_PER_SLOT);
    vc.propose(1);
    let total = 0;
    for (let slot = 1; slot < cfg.SLOTS_PER_EPOCH; slot++) {
      vc.attest(slot);
      total = atts.length;
    }
    expect(total).to.be.greaterThan(0);
    const target = node.chain.headStateAtSlot(cfg.SLOTS_PER_EPOCH - 1);
    for (const a of atts)
      expect(isValidIndexedAttestation(cfg, target, getIndexedAttestation(cfg, target, a))).to.equal(true);
    // the head moves (a new block at slot 2) and the same slot's duties run again: same target epoch, other data
    const before = atts.length;
    node.chain.onTick(genesis.genesisTime + 2 * cfg.SECONDS_PER_SLOT);
    vc.propose(2);
    vc.attest(1);
    expect(vc.stats.refused).to.be.greaterThan(0);
    expect(atts.length).to.equal(before);
  });

  it("aggregator selection: every member when the committee is small, about 1/modulo otherwise", () => {
    const sig = (i: number) => {
      const b = new Uint8Array(96);
      new DataView(b.buffer).setUint32(0, i);
      return b;
    };
    expect(isAggregator(cfg, 4, sig(1))).to.equal(true); // 4 / 16 -> modulo 1
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        let chosen = 0;
        for (let i = 0; i < 400; i++) if (isAggregator(cfg, 16 * 8, sig(seed * 1000 + i))) chosen++;
        return chosen > 20 && chosen < 85; // expected 50 (modulo 8)
      }),
      { numRuns: 20 },
    );
  });
});
