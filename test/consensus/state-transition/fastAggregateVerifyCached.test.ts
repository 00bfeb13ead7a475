import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { parse } from "yaml";
import { fastAggregateVerifyCached } from "../../../consensus/state-transition/crypto/fastAggregateVerifyCached.js";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { publicKey, secretKey } from "./support/chain.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const VECTORS = path.resolve(
  REPO,
  "../shared/vectors/consensus-spec-tests-v0.12.3/tests/general/phase0/bls/fast_aggregate_verify/small",
);
const b = (h: string) => Uint8Array.from(Buffer.from(h.slice(2), "hex"));

describe("fastAggregateVerifyCached", () => {
  it("answers the v0.12.3 fast_aggregate_verify vectors, twice (cold and warm key cache)", () => {
    const cases = readdirSync(VECTORS);
    expect(cases.length).to.be.greaterThan(5);
    for (let round = 0; round < 2; round++) {
      for (const name of cases) {
        const { input, output } = parse(readFileSync(path.join(VECTORS, name, "data.yaml"), "utf8"));
        expect(fastAggregateVerifyCached(input.pubkeys.map(b), b(input.message), b(input.signature)), name).to.equal(
          output,
        );
      }
    }
  });

  it("agrees with the SDK on valid, tampered, infinity and cancelling inputs", () => {
    const message = new Uint8Array(32).fill(7);
    const keys = [0, 1, 2, 3].map(publicKey);
    const sig = bls.aggregateSignatures([0, 1, 2, 3].map((i) => bls.sign(secretKey(i), message)));
    const infinityKey = Uint8Array.from([0xc0, ...new Uint8Array(47)]);
    const infinitySig = Uint8Array.from([0xc0, ...new Uint8Array(95)]);
    const garbageKey = new Uint8Array(48).fill(0xab);
    const inputs: [Uint8Array[], Uint8Array, Uint8Array][] = [
      [keys, message, sig],
      [keys.slice(1), message, sig],
      [keys, new Uint8Array(32), sig],
      [[...keys, infinityKey], message, sig],
      [[infinityKey], message, infinitySig],
      [[garbageKey, ...keys], message, sig],
      [keys, message, infinitySig],
      [[], message, sig],
    ];
    for (const [pks, msg, s] of inputs) {
      expect(fastAggregateVerifyCached(pks, msg, s)).to.equal(bls.fastAggregateVerify(pks, msg, s));
    }
    expect(fastAggregateVerifyCached(keys, message, sig)).to.equal(true);
  });
});
