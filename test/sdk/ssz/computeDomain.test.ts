import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { computeDomain, computeForkDataRoot, DOMAIN_DEPOSIT } from "../../../sdk/ssz/index.js";

const vectors = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, "../../../../shared/vectors/keys/ethstaker_unit_vectors.json"),
    "utf8",
  ),
);

describe("sdk/ssz computeDomain", () => {
  it("matches ethstaker's deposit domain and fork-data root for fork 0x12121212", () => {
    const text = JSON.stringify(vectors);
    const fork = Uint8Array.from(Buffer.from("12121212", "hex"));
    const domain = Buffer.from(computeDomain(DOMAIN_DEPOSIT, fork)).toString("hex");
    const forkDataRoot = Buffer.from(computeForkDataRoot(fork, new Uint8Array(32))).toString("hex");
    expect(text).to.include(domain);
    expect(text).to.include(forkDataRoot);
  });

  it("rejects a fork version that is not 4 bytes", () => {
    expect(() => computeDomain(DOMAIN_DEPOSIT, new Uint8Array(3))).to.throw(RangeError, /4 bytes/);
  });
});
