import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import {
  exportInterchange,
  importInterchange,
  SlashingProtectionDb,
  SlashingProtectionError,
} from "../../../consensus/validator/slashing-protection/index.js";

const pk = (n: number) => new Uint8Array(48).fill(n);
const root = (n: number) => new Uint8Array(32).fill(n);
const GVR = root(0x77);

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof SlashingProtectionError) return e.code;
    throw e;
  }
}

describe("consensus/validator slashing protection (EIP-3076)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "btc20-sp-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second block at a slot but allows the identical one again", () => {
    const db = new SlashingProtectionDb(":memory:");
    expect(db.checkAndInsertBlockProposal(pk(1), 10, root(1))).to.equal("new");
    expect(db.checkAndInsertBlockProposal(pk(1), 10, root(1))).to.equal("repeat");
    expect(codeOf(() => db.checkAndInsertBlockProposal(pk(1), 10, root(2)))).to.equal("DOUBLE_PROPOSAL");
    expect(codeOf(() => db.checkAndInsertBlockProposal(pk(1), 9, root(3)))).to.equal("PROPOSAL_BELOW_WATERMARK");
    expect(db.checkAndInsertBlockProposal(pk(2), 10, root(2))).to.equal("new"); // another key is independent
    expect(db.checkAndInsertBlockProposal(pk(1), 11, root(2))).to.equal("new");
    db.close();
  });

  it("refuses double votes, surrounding and surrounded votes, source > target and votes below the watermark", () => {
    const db = new SlashingProtectionDb(":memory:");
    expect(db.checkAndInsertAttestation(pk(1), 2, 5, root(1))).to.equal("new");
    expect(db.checkAndInsertAttestation(pk(1), 2, 5, root(1))).to.equal("repeat");
    expect(codeOf(() => db.checkAndInsertAttestation(pk(1), 2, 5, root(2)))).to.equal("DOUBLE_VOTE");
    expect(codeOf(() => db.checkAndInsertAttestation(pk(1), 1, 6, root(3)))).to.equal("SURROUNDING_VOTE");
    expect(codeOf(() => db.checkAndInsertAttestation(pk(1), 3, 4, root(3)))).to.equal("SURROUNDED_VOTE");
    expect(codeOf(() => db.checkAndInsertAttestation(pk(1), 7, 6, root(3)))).to.equal("SOURCE_AFTER_TARGET");
    expect(codeOf(() => db.checkAndInsertAttestation(pk(1), 1, 2, root(3)))).to.equal("ATTESTATION_BELOW_WATERMARK");
    expect(db.checkAndInsertAttestation(pk(1), 5, 6, root(3))).to.equal("new");
    expect(db.checkAndInsertAttestation(pk(2), 1, 6, root(3))).to.equal("new");
    db.close();
  });

  it("keeps its records across a restart (a real database file)", () => {
    const file = path.join(dir, "sp.sqlite");
    const db = new SlashingProtectionDb(file);
    db.setGenesisValidatorsRoot(GVR);
    db.checkAndInsertBlockProposal(pk(1), 10, root(1));
    db.checkAndInsertAttestation(pk(1), 2, 5, root(1));
    db.close();
    const again = new SlashingProtectionDb(file);
    expect(codeOf(() => again.checkAndInsertBlockProposal(pk(1), 10, root(9)))).to.equal("DOUBLE_PROPOSAL");
    expect(codeOf(() => again.checkAndInsertAttestation(pk(1), 2, 5, root(9)))).to.equal("DOUBLE_VOTE");
    expect(codeOf(() => again.setGenesisValidatorsRoot(root(1)))).to.equal("GENESIS_VALIDATORS_ROOT_MISMATCH");
    again.close();
  });

  it("never accepts a slashable pair, whatever the sequence of requests (property)", () => {
    const request = fc.record({
      key: fc.integer({ min: 1, max: 2 }),
      source: fc.integer({ min: 0, max: 12 }),
      span: fc.integer({ min: 0, max: 6 }),
      root: fc.integer({ min: 1, max: 3 }),
      slot: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (reqs) => {
        const db = new SlashingProtectionDb(":memory:");
        const votes: { key: number; s: number; t: number; r: number }[] = [];
        const blocks: { key: number; slot: number; r: number }[] = [];
        for (const q of reqs) {
          if (codeOf(() => db.checkAndInsertAttestation(pk(q.key), q.source, q.source + q.span, root(q.root))) === null)
            votes.push({ key: q.key, s: q.source, t: q.source + q.span, r: q.root });
          if (codeOf(() => db.checkAndInsertBlockProposal(pk(q.key), q.slot, root(q.root))) === null)
            blocks.push({ key: q.key, slot: q.slot, r: q.root });
        }
        for (const a of votes)
          for (const b of votes) {
            if (a.key !== b.key) continue;
            // is_slashable_attestation_data: double vote or surround vote
            expect(a.t === b.t && a.r !== b.r, "double vote").to.equal(false);
            expect(a.s < b.s && b.t < a.t, "surround vote").to.equal(false);
          }
        for (const a of blocks)
          for (const b of blocks) expect(a.key === b.key && a.slot === b.slot && a.r !== b.r).to.equal(false);
        db.close();
      }),
      { numRuns: 300 },
    );
  });

  it("exports and imports the interchange format v5 losslessly, and the imported history protects", () => {
    const db = new SlashingProtectionDb(":memory:");
    db.setGenesisValidatorsRoot(GVR);
    db.checkAndInsertBlockProposal(pk(1), 10, root(1));
    db.checkAndInsertBlockProposal(pk(1), 12, root(2));
    db.checkAndInsertAttestation(pk(1), 2, 5, root(3));
    db.checkAndInsertAttestation(pk(2), 0, 1, root(4));
    const file = exportInterchange(db);
    expect(file.metadata).to.deep.equal({
      interchange_format_version: "5",
      genesis_validators_root: `0x${"77".repeat(32)}`,
    });
    expect(file.data[0]!.signed_blocks).to.deep.equal([
      { slot: "10", signing_root: `0x${"01".repeat(32)}` },
      { slot: "12", signing_root: `0x${"02".repeat(32)}` },
    ]);
    const other = new SlashingProtectionDb(path.join(dir, "imported.sqlite"));
    expect(importInterchange(other, JSON.parse(JSON.stringify(file)))).to.deep.equal({ validators: 2 });
    expect(exportInterchange(other)).to.deep.equal(file);
    expect(codeOf(() => other.checkAndInsertAttestation(pk(1), 1, 6, root(9)))).to.equal("SURROUNDING_VOTE");
    expect(codeOf(() => other.checkAndInsertBlockProposal(pk(1), 12, root(9)))).to.equal("DOUBLE_PROPOSAL");
    expect(other.checkAndInsertBlockProposal(pk(1), 12, root(2))).to.equal("repeat");
    db.close();
    other.close();
  });

  it("imports minimal files (no signing roots) so that nothing at those slots or targets can be signed again", () => {
    const db = new SlashingProtectionDb(":memory:");
    importInterchange(db, {
      metadata: { interchange_format_version: "5", genesis_validators_root: `0x${"77".repeat(32)}` },
      data: [
        {
          pubkey: `0x${"01".repeat(48)}`,
          signed_blocks: [{ slot: "100" }],
          signed_attestations: [{ source_epoch: "8", target_epoch: "9" }],
        },
      ],
    });
    expect(codeOf(() => db.checkAndInsertBlockProposal(pk(1), 100, root(1)))).to.equal("DOUBLE_PROPOSAL");
    expect(codeOf(() => db.checkAndInsertBlockProposal(pk(1), 99, root(1)))).to.equal("PROPOSAL_BELOW_WATERMARK");
    expect(codeOf(() => db.checkAndInsertAttestation(pk(1), 8, 9, root(1)))).to.equal("DOUBLE_VOTE");
    expect(codeOf(() => db.checkAndInsertAttestation(pk(1), 7, 8, root(1)))).to.equal("ATTESTATION_BELOW_WATERMARK");
    expect(db.checkAndInsertAttestation(pk(1), 9, 10, root(1))).to.equal("new");
    db.close();
  });

  it("rejects malformed or foreign interchange files without storing anything", () => {
    const db = new SlashingProtectionDb(":memory:");
    db.setGenesisValidatorsRoot(GVR);
    const good = {
      metadata: { interchange_format_version: "5", genesis_validators_root: `0x${"77".repeat(32)}` },
      data: [{ pubkey: `0x${"01".repeat(48)}`, signed_blocks: [{ slot: "1" }], signed_attestations: [] }],
    };
    const cases: [unknown, string][] = [
      [{ ...good, metadata: { ...good.metadata, interchange_format_version: "4" } }, "INVALID_INTERCHANGE"],
      [
        { ...good, metadata: { ...good.metadata, genesis_validators_root: `0x${"11".repeat(32)}` } },
        "GENESIS_VALIDATORS_ROOT_MISMATCH",
      ],
      [{ ...good, data: [{ ...good.data[0], pubkey: "0x12" }] }, "INVALID_INTERCHANGE"],
      [{ ...good, data: [{ ...good.data[0], signed_blocks: [{ slot: 5 }] }] }, "INVALID_INTERCHANGE"],
      [
        { ...good, data: [{ ...good.data[0], signed_attestations: [{ source_epoch: "3", target_epoch: "2" }] }] },
        "INVALID_INTERCHANGE",
      ],
      [null, "INVALID_INTERCHANGE"],
    ];
    for (const [file, code] of cases) expect(codeOf(() => importInterchange(db, file))).to.equal(code);
    expect(exportInterchange(db).data).to.deep.equal([]);
    db.close();
  });
});
