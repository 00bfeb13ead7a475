import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { NodeDb } from "../../../consensus/node/storage/nodeDb.js";

const r = (n: number) => new Uint8Array(32).fill(n);

describe("consensus/node storage (node:sqlite)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "btc20-nodedb-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps blocks, checkpoint states and meta across a reopen; rolls back a failed transaction", () => {
    const file = path.join(dir, "beacon.sqlite");
    const db = new NodeDb(file);
    db.transaction(() => {
      db.putBlock({ root: r(2), slot: 2, parentRoot: r(1), ssz: Uint8Array.of(2, 2) });
      db.putBlock({ root: r(1), slot: 1, parentRoot: r(0), ssz: Uint8Array.of(1) });
      db.putState(r(1), 1, Uint8Array.of(9, 9, 9));
      db.putMeta("finalized", r(1));
    });
    expect(() =>
      db.transaction(() => {
        db.putBlock({ root: r(3), slot: 3, parentRoot: r(2), ssz: Uint8Array.of(3) });
        throw new Error("crash in the middle");
      }),
    ).to.throw("crash");
    db.close();
    const again = new NodeDb(file);
    expect(again.getBlock(r(3))).to.equal(null);
    expect(again.getBlock(r(2))).to.deep.equal({ root: r(2), slot: 2, parentRoot: r(1), ssz: Uint8Array.of(2, 2) });
    expect(again.blocksAfter(0).map((b) => b.slot)).to.deep.equal([1, 2]);
    expect(again.blocksAfter(1).map((b) => b.slot)).to.deep.equal([2]);
    expect(again.getState(r(1))).to.deep.equal({ slot: 1, ssz: Uint8Array.of(9, 9, 9) });
    expect(again.getMeta("finalized")).to.deep.equal(r(1));
    again.putState(r(5), 5, Uint8Array.of(5));
    again.pruneStatesBefore(5, r(1));
    expect(again.getState(r(1))).to.not.equal(null);
    again.putState(r(6), 6, Uint8Array.of(6));
    again.pruneStatesBefore(6, r(6));
    expect(again.getState(r(1))).to.equal(null);
    expect(again.getState(r(5))).to.equal(null);
    again.close();
  });
});
