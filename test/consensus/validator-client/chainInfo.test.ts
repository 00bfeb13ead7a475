// The client's own config (--network) must agree with the node's on every phase0 value; graffiti fits 32 bytes.
import { expect } from "chai";
import { createDevnetConfig } from "../../../consensus/node/config/devnetParams.js";
import { assertSameConfig } from "../../../consensus/validator-client/chainInfo.js";
import { graffitiBytes } from "../../../consensus/validator-client/runValidator.js";

describe("consensus/validator-client config check and graffiti", () => {
  it("names every phase0 value that differs from the node's", () => {
    const ours = createDevnetConfig();
    assertSameConfig(ours, createDevnetConfig());
    const err = (() => {
      try {
        assertSameConfig(ours, createDevnetConfig({ SECONDS_PER_SLOT: 12, SHARD_COMMITTEE_PERIOD: 256 }));
      } catch (e) {
        return e as Error & { code: string };
      }
    })();
    expect(err?.code).to.equal("CONFIG_MISMATCH");
    expect(err?.message).to.include("SECONDS_PER_SLOT: ours 3, node 12").and.include("SHARD_COMMITTEE_PERIOD");
  });

  it("graffiti is UTF-8 zero-padded to 32 bytes, longer is refused", () => {
    const g = graffitiBytes("héllo");
    expect(g).to.have.length(32);
    expect(Buffer.from(g).toString("utf8").replace(/\0+$/, "")).to.equal("héllo");
    expect(() => graffitiBytes("x".repeat(33))).to.throw(/at most 32/);
  });
});
