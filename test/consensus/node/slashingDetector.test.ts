// The node's slashing detector: what it reports must be exactly what the spec calls slashable
// (is_slashable_attestation_data, double proposals), checked against the engine's predicate on random votes.
import { expect } from "chai";
import fc from "fast-check";
import { SlashingDetector } from "../../../consensus/node/chain/slashingDetector.js";
import { createDevnetConfig } from "../../../consensus/node/config/devnetParams.js";
import { isSlashableAttestationData } from "../../../consensus/state-transition/predicates/isSlashableAttestationData.js";
import type { IndexedAttestation, SignedBeaconBlock } from "../../../consensus/types/index.js";

const cfg = createDevnetConfig();
const root = (n: number) => new Uint8Array(32).fill(n);

function vote(validators: number[], source: number, target: number, head: number): IndexedAttestation {
  return {
    attestingIndices: validators,
    data: {
      slot: target * cfg.SLOTS_PER_EPOCH,
      index: 0,
      beaconBlockRoot: root(head),
      source: { epoch: source, root: root(100 + source) },
      target: { epoch: target, root: root(200 + target) },
    },
    signature: new Uint8Array(96),
  };
}

describe("consensus/node slashing detector", () => {
  it("reports a double proposal once, not a re-broadcast of the same block", () => {
    const d = new SlashingDetector(cfg);
    const block = (graffiti: number): SignedBeaconBlock => {
      const b = cfg.types.SignedBeaconBlock.defaultValue();
      b.message.slot = 5;
      b.message.proposerIndex = 3;
      b.message.body.graffiti = root(graffiti);
      return b;
    };
    expect(d.onBlock(block(1))).to.equal(null);
    expect(d.onBlock(block(1))).to.equal(null);
    const s = d.onBlock(block(2))!;
    expect(s.signedHeader1.message.proposerIndex).to.equal(3);
    expect(cfg.types.BeaconBlockHeader.equals(s.signedHeader1.message, s.signedHeader2.message)).to.equal(false);
    expect(d.onBlock(block(3))).to.equal(null); // already reported
  });

  it("reports double and surround votes exactly when the spec says they are slashable (property)", () => {
    const v = fc.record({
      source: fc.integer({ min: 0, max: 6 }),
      span: fc.integer({ min: 0, max: 4 }),
      head: fc.integer({ min: 1, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(v, { minLength: 2, maxLength: 8 }), (votes) => {
        const d = new SlashingDetector(cfg);
        const seen: IndexedAttestation[] = [];
        let reports = 0;
        for (const x of votes) {
          const att = vote([7], x.source, x.source + x.span, x.head);
          const slashing = d.onAttestation(att);
          if (slashing) {
            reports++;
            // in the order process_attester_slashing checks it
            expect(isSlashableAttestationData(cfg, slashing.attestation1.data, slashing.attestation2.data)).to.equal(
              true,
            );
          }
          seen.push(att);
        }
        const slashable = (a: IndexedAttestation, b: IndexedAttestation) =>
          isSlashableAttestationData(cfg, a.data, b.data) || isSlashableAttestationData(cfg, b.data, a.data);
        const anySlashable = seen.some((a, i) => seen.some((b, j) => i < j && slashable(a, b)));
        expect(reports > 0).to.equal(anySlashable);
      }),
      { numRuns: 500 },
    );
  });
});
