import { expect } from "chai";
import fc from "fast-check";
import { buildBalancesTree } from "../../../../consensus/state-transition/caches/balancesTree.js";
import { cfg } from "../support/chain.js";

const Balances = cfg.types.BeaconState.fields.balances;
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const gwei = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 ** 32 + 5 }), fc.constant(2 ** 53 - 1));

describe("caches/balancesTree", () => {
  it("has the root of hash_tree_root(balances) for any length, including odd chunk counts at every level", () => {
    for (const n of [0, 1, 3, 4, 5, 8, 9, 16, 17, 1000, 1027, 4097]) {
      const balances = Array.from({ length: n }, (_, i) => 32e9 + i * 7919);
      expect(hex(buildBalancesTree(cfg, balances).root), `n = ${n}`).to.equal(hex(Balances.hashTreeRoot(balances)));
    }
    fc.assert(
      fc.property(fc.array(gwei, { maxLength: 300 }), (balances) => {
        expect(hex(buildBalancesTree(cfg, balances).root)).to.equal(hex(Balances.hashTreeRoot(balances)));
      }),
    );
  });

  it("serves as the tree of an SSZ view: reads, writes and appends give the root of the edited list", () => {
    fc.assert(
      fc.property(
        fc.array(gwei, { minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(), gwei), { maxLength: 6 }),
        fc.array(gwei, { maxLength: 5 }),
        (balances, writes, appended) => {
          const view = Balances.getViewDU(buildBalancesTree(cfg, balances));
          const expected = [...balances];
          for (const [i, value] of writes) {
            const index = i % balances.length;
            expect(view.get(index)).to.equal(expected[index]);
            view.set(index, value);
            expected[index] = value;
          }
          for (const value of appended) {
            view.push(value);
            expected.push(value);
          }
          expect(hex(view.hashTreeRoot())).to.equal(hex(Balances.hashTreeRoot(expected)));
          expect(view.toValue()).to.deep.equal(expected);
        },
      ),
    );
  });
});
