import { expect } from "chai";
import fc from "fast-check";
import { validByBisection } from "../../../consensus/follower/bisectBatch.js";

describe("consensus/follower validByBisection (finding the invalid members of a failed batch)", () => {
  it("finds exactly the invalid items, with at most about 2k·log2(n) batch checks for k invalid", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 200 }), (truth) => {
        let checks = 0;
        const found = validByBisection(
          truth.map((valid, i) => ({ i, valid })),
          (batch) => {
            checks++;
            expect(batch.length).to.be.greaterThan(0);
            return batch.every((item) => item.valid);
          },
        );
        expect(found).to.deep.equal(truth);
        const invalid = truth.filter((v) => !v).length;
        const depth = Math.ceil(Math.log2(Math.max(2, truth.length)));
        if (invalid === 0) expect(checks).to.equal(truth.length === 0 ? 0 : 1);
        else expect(checks).to.be.at.most(1 + 2 * invalid * depth);
      }),
      { numRuns: 300 },
    );
  });

  it("one invalid item among 64 costs far fewer checks than 64 single ones", () => {
    let checks = 0;
    const truth = Array.from({ length: 64 }, (_, i) => i !== 37);
    const found = validByBisection(truth, (batch) => {
      checks++;
      return batch.every(Boolean);
    });
    expect(found).to.deep.equal(truth);
    expect(checks).to.be.at.most(13); // the batch, then one half per level (6 levels), each with its sibling skipped
  });
});
