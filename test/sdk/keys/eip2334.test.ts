import { expect } from "chai";
import {
  deriveSecretKeyAtPath,
  deriveValidatorKeys,
  KeyError,
  parsePath,
  parseValidatorKeyPath,
  signingKeyPath,
  withdrawalKeyPath,
} from "../../../sdk/keys/index.js";

describe("EIP-2334 paths", () => {
  it("builds signing and withdrawal paths", () => {
    expect(signingKeyPath(3600, 0)).to.equal("m/12381/3600/0/0/0");
    expect(withdrawalKeyPath(3600, 5)).to.equal("m/12381/3600/5/0");
    expect(signingKeyPath(9999, 4294967295)).to.equal("m/12381/9999/4294967295/0/0");
  });

  it("parses paths back", () => {
    expect(parsePath("m/12381/60/3141592653/589793238")).to.deep.equal([12381, 60, 3141592653, 589793238]);
    expect(parsePath("m")).to.deep.equal([]);
    expect(parseValidatorKeyPath("m/12381/3600/12/0/0")).to.deep.equal({ kind: "signing", coinType: 3600, index: 12 });
    expect(parseValidatorKeyPath(withdrawalKeyPath(1234, 3))).to.deep.equal({
      kind: "withdrawal",
      coinType: 1234,
      index: 3,
    });
  });

  it("rejects malformed paths with INVALID_PATH", () => {
    for (const bad of ["", "12381/3600/0", "m/", "m//1", "m/-1", "m/01", "m/1a", "m/4294967296", "M/1", "m/1/2.5"]) {
      expect(() => parsePath(bad), bad)
        .to.throw(KeyError)
        .with.property("code", "INVALID_PATH");
    }
    for (const bad of ["m/12381/3600/0/1/0", "m/44/60/0/0/0", "m/12381/3600/0", "m/12381/3600/0/0/0/0"]) {
      expect(() => parseValidatorKeyPath(bad), bad)
        .to.throw(KeyError)
        .with.property("code", "INVALID_PATH");
    }
  });

  it("rejects out-of-range indices with INVALID_INDEX", () => {
    expect(() => signingKeyPath(3600, -1))
      .to.throw(KeyError)
      .with.property("code", "INVALID_INDEX");
    expect(() => withdrawalKeyPath(2 ** 32, 0))
      .to.throw(KeyError)
      .with.property("code", "INVALID_INDEX");
  });
});

describe("deriveValidatorKeys", () => {
  it("equals deriving each EIP-2334 path from the seed", () => {
    const seed = new Uint8Array(64).fill(9);
    const keys = deriveValidatorKeys(seed, 3600, 5, 3);
    expect(keys.map((k) => k.index)).to.deep.equal([5, 6, 7]);
    for (const k of keys) {
      expect(k.signingKeyPath).to.equal(signingKeyPath(3600, k.index));
      expect(k.withdrawalKeyPath).to.equal(withdrawalKeyPath(3600, k.index));
      expect(k.signingSecretKey).to.deep.equal(deriveSecretKeyAtPath(seed, k.signingKeyPath));
      expect(k.withdrawalSecretKey).to.deep.equal(deriveSecretKeyAtPath(seed, k.withdrawalKeyPath));
    }
    expect(deriveValidatorKeys(seed, 3600, 0, 0)).to.deep.equal([]);
  });

  it("rejects index ranges past 2^32-1", () => {
    const seed = new Uint8Array(32).fill(1);
    expect(() => deriveValidatorKeys(seed, 3600, 2 ** 32 - 1, 2))
      .to.throw(KeyError)
      .with.property("code", "INVALID_INDEX");
    expect(() => deriveValidatorKeys(seed, 3600, -1, 1))
      .to.throw(KeyError)
      .with.property("code", "INVALID_INDEX");
  });
});
