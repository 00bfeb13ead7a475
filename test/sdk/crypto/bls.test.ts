import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import fc from "fast-check";
import { parse } from "yaml";
import { blstBackend, blstBls } from "../../../sdk/crypto/bls/blst.node.js";
import {
  BlsError,
  bls,
  CURVE_ORDER,
  createBls,
  getBls,
  nobleBackend,
  nobleBls,
} from "../../../sdk/crypto/bls/index.js";
import type { Bls } from "../../../sdk/crypto/bls/types.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const blsVectors = path.resolve(repoRoot, "../shared/vectors/consensus-spec-tests-v0.12.3/tests/general/phase0/bls");

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/^0x/, ""), "hex"));
const toHex = (b: Uint8Array): string => `0x${Buffer.from(b).toString("hex")}`;

interface Case<I, O> {
  name: string;
  input: I;
  output: O;
}

function loadCases<I, O>(handler: string): Case<I, O>[] {
  const dir = path.join(blsVectors, handler, "small");
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const data = parse(readFileSync(path.join(dir, name, "data.yaml"), "utf8"));
      return { name, input: data.input, output: data.output };
    });
}

const backends: Bls[] = [blstBls, nobleBls];
/** The v0.12.3 vectors predate KeyValidate: they are checked under the explicit old rules. */
const v012Backends: Bls[] = [blstBackend, nobleBackend].map((core) => createBls(core, { infinityPubkeyValid: true }));

for (const impl of v012Backends) {
  describe(`BLS ${impl.backend} (rules ${impl.rules}): consensus-spec-tests v0.12.3 general/phase0/bls`, () => {
    describe("sign", () => {
      for (const c of loadCases<{ privkey: string; message: string }, string | null>("sign")) {
        it(c.name, () => {
          const sk = hex(c.input.privkey);
          if (c.output === null) {
            expect(() => impl.sign(sk, hex(c.input.message))).to.throw(BlsError);
            return;
          }
          expect(toHex(impl.sign(sk, hex(c.input.message)))).to.equal(c.output);
          // The signature must verify under the key derived from the same secret.
          expect(impl.verify(impl.secretKeyToPublicKey(sk), hex(c.input.message), hex(c.output))).to.equal(true);
        });
      }
    });

    describe("verify", () => {
      for (const c of loadCases<{ pubkey: string; message: string; signature: string }, boolean>("verify")) {
        it(c.name, () => {
          const { pubkey, message, signature } = c.input;
          expect(impl.verify(hex(pubkey), hex(message), hex(signature))).to.equal(c.output);
        });
      }
    });

    describe("aggregate", () => {
      for (const c of loadCases<string[], string | null>("aggregate")) {
        it(c.name, () => {
          const sigs = c.input.map(hex);
          if (c.output === null) {
            expect(() => impl.aggregateSignatures(sigs))
              .to.throw(BlsError)
              .with.property("code", "EMPTY_AGGREGATE");
            return;
          }
          expect(toHex(impl.aggregateSignatures(sigs))).to.equal(c.output);
        });
      }
    });

    describe("fast_aggregate_verify", () => {
      for (const c of loadCases<{ pubkeys: string[]; message: string; signature: string }, boolean>(
        "fast_aggregate_verify",
      )) {
        it(c.name, () => {
          const { pubkeys, message, signature } = c.input;
          expect(impl.fastAggregateVerify(pubkeys.map(hex), hex(message), hex(signature))).to.equal(c.output);
        });
      }
    });

    describe("aggregate_verify", () => {
      for (const c of loadCases<{ pubkeys: string[]; messages: string[]; signature: string }, boolean>(
        "aggregate_verify",
      )) {
        it(c.name, () => {
          const { pubkeys, messages, signature } = c.input;
          expect(impl.aggregateVerify(pubkeys.map(hex), messages.map(hex), hex(signature))).to.equal(c.output);
        });
      }
    });
  });
}

const secretKeyArb = fc.bigInt({ min: 1n, max: CURVE_ORDER - 1n }).map((n) => hex(n.toString(16).padStart(64, "0")));

describe("BLS back ends agree", () => {
  it("produce identical public keys, signatures and aggregates", () => {
    fc.assert(
      fc.property(
        fc.array(secretKeyArb, { minLength: 1, maxLength: 3 }),
        fc.uint8Array({ maxLength: 40 }),
        (sks, msg) => {
          const pks = sks.map((sk) => blstBls.secretKeyToPublicKey(sk));
          const sigs = sks.map((sk) => blstBls.sign(sk, msg));
          expect(sks.map((sk) => toHex(nobleBls.secretKeyToPublicKey(sk)))).to.deep.equal(pks.map(toHex));
          expect(sks.map((sk) => toHex(nobleBls.sign(sk, msg)))).to.deep.equal(sigs.map(toHex));
          expect(toHex(nobleBls.aggregatePublicKeys(pks))).to.equal(toHex(blstBls.aggregatePublicKeys(pks)));
          const agg = blstBls.aggregateSignatures(sigs);
          expect(toHex(nobleBls.aggregateSignatures(sigs))).to.equal(toHex(agg));
          for (const impl of backends) expect(impl.fastAggregateVerify(pks, msg, agg)).to.equal(true);
        },
      ),
      { numRuns: 5 },
    );
  });

  it("reject a bad secret key with a typed error", () => {
    for (const impl of backends) {
      for (const sk of [new Uint8Array(32), new Uint8Array(31), hex(CURVE_ORDER.toString(16).padStart(64, "0"))]) {
        expect(() => impl.secretKeyToPublicKey(sk))
          .to.throw(BlsError)
          .with.property("code", "INVALID_SECRET_KEY");
      }
    }
  });
});

describe("BLS batch verification and key validation", () => {
  const sks = [1n, 2n, 3n].map((n) => hex((n * 0x1234567890abcdefn).toString(16).padStart(64, "0")));
  const msgs = [hex("aa"), hex("bbbb"), hex("cccccc")];

  for (const impl of backends) {
    it(`${impl.backend}: verifyMultipleSignatures accepts a valid batch and rejects one bad member`, () => {
      const sets = sks.map((sk, i) => ({
        publicKey: impl.secretKeyToPublicKey(sk),
        message: msgs[i],
        signature: impl.sign(sk, msgs[i]),
      }));
      expect(impl.verifyMultipleSignatures(sets)).to.equal(true);
      expect(impl.verifyMultipleSignatures([])).to.equal(true);
      const swapped = sets.map((s, i) => (i === 1 ? { ...s, message: msgs[0] } : s));
      expect(impl.verifyMultipleSignatures(swapped)).to.equal(false);
      const garbage = sets.map((s, i) => (i === 2 ? { ...s, signature: new Uint8Array(96) } : s));
      expect(impl.verifyMultipleSignatures(garbage)).to.equal(false);
    });

    it(`${impl.backend}: aggregateVerify checks distinct messages; malformed input gives false, never a throw`, () => {
      const pks = sks.map((sk) => impl.secretKeyToPublicKey(sk));
      const agg = impl.aggregateSignatures(sks.map((sk, i) => impl.sign(sk, msgs[i])));
      expect(impl.aggregateVerify(pks, msgs, agg)).to.equal(true);
      expect(impl.aggregateVerify(pks, [msgs[1], msgs[0], msgs[2]], agg)).to.equal(false);
      expect(impl.aggregateVerify(pks, msgs.slice(0, 2), agg)).to.equal(false);
      expect(impl.verify(pks[0].subarray(0, 47), msgs[0], agg)).to.equal(false);
      expect(impl.verify(pks[0], msgs[0], agg.subarray(1))).to.equal(false);
      expect(impl.fastAggregateVerify([new Uint8Array(48)], msgs[0], agg)).to.equal(false);
    });

    it(`${impl.backend}: points on the curve but outside the prime-order subgroup are refused`, () => {
      // x = 0 is on E1 (y^2 = 4) and x = 2 (in Fp2) is on E2, but neither point is in G1 / G2.
      const pkOutside = new Uint8Array(48);
      pkOutside[0] = 0x80;
      const sigOutside = new Uint8Array(96);
      sigOutside[0] = 0x80;
      sigOutside[95] = 2;
      const pk = impl.secretKeyToPublicKey(sks[0]);
      expect(impl.isValidPublicKey(pkOutside)).to.equal(false);
      expect(impl.verify(pkOutside, msgs[0], impl.sign(sks[0], msgs[0]))).to.equal(false);
      expect(impl.verify(pk, msgs[0], sigOutside)).to.equal(false);
      expect(() => impl.aggregateSignatures([sigOutside]))
        .to.throw(BlsError)
        .with.property("code", "INVALID_SIGNATURE");
      expect(() => impl.aggregatePublicKeys([pk, pkOutside]))
        .to.throw(BlsError)
        .with.property("code", "INVALID_PUBLIC_KEY");
    });

    it(`${impl.backend}: isValidPublicKey refuses infinity and garbage (KeyValidate)`, () => {
      const inf = new Uint8Array(48);
      inf[0] = 0xc0;
      expect(impl.isValidPublicKey(impl.secretKeyToPublicKey(sks[0]))).to.equal(true);
      expect(impl.isValidPublicKey(inf)).to.equal(false);
      expect(impl.isValidPublicKey(new Uint8Array(48).fill(0xff))).to.equal(false);
      const nonCanonicalInf = inf.slice();
      nonCanonicalInf[47] = 1;
      expect(impl.verify(nonCanonicalInf, msgs[0], new Uint8Array(96))).to.equal(false);
    });
  }

  it("getBls picks blst in Node, and noble on request", async () => {
    expect((await getBls()).backend).to.equal("blst");
    expect(bls.backend).to.equal("blst");
    expect((await getBls("noble")).backend).to.equal("noble");
    expect((await getBls({ backend: "noble" })).backend).to.equal("noble");
  });

  it("getBls and bls follow the v1.0.0 rules unless v0.12.3 is asked for explicitly", async () => {
    const inf = new Uint8Array(48);
    inf[0] = 0xc0;
    const infSig = new Uint8Array(96);
    infSig[0] = 0xc0;
    const msg = new Uint8Array(32);
    for (const impl of [bls, await getBls(), await getBls("noble"), await getBls("blst"), blstBls, nobleBls]) {
      expect(impl.rules).to.equal("v1.0.0");
      expect(impl.verify(inf, msg, infSig)).to.equal(false);
    }
    for (const backend of ["blst", "noble"] as const) {
      const old = await getBls({ backend, rules: "v0.12.3" });
      expect([old.backend, old.rules]).to.deep.equal([backend, "v0.12.3"]);
      expect(old.verify(inf, msg, infSig)).to.equal(true);
    }
    await getBls({ rules: "v0.12" as never }).then(
      () => expect.fail("an unknown rule set must be refused"),
      (e) => expect(e).to.be.instanceOf(BlsError).with.property("code", "UNKNOWN_RULES"),
    );
  });
});
