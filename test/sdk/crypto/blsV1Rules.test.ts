// Known-answer test for the consensus-specs v1.0.0 BLS rules (IETF draft-irtf-cfrg-bls-signature-04 KeyValidate):
// every case of the v1.0.0 BLS test generator (transcribed in support/blsV1GeneratorCases.ts) against both back
// ends under their default rules. Cases that exist unchanged since v0.12.3 are also matched byte for byte against
// the official v0.12.3 vector files, which anchors the computed inputs and outputs (names included).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { parse } from "yaml";
import { blstBackend, blstBls } from "../../../sdk/crypto/bls/blst.node.js";
import { type Bls, BlsError, createBls, nobleBackend, nobleBls } from "../../../sdk/crypto/bls/index.js";
import {
  type GeneratedBlsCase,
  generateV1BlsCases,
  MESSAGES,
  PRIVKEYS,
  SAMPLE_MESSAGE,
  Z1_PUBKEY,
  Z2_SIGNATURE,
} from "./support/blsV1GeneratorCases.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const v012Vectors = path.resolve(repoRoot, "../shared/vectors/consensus-spec-tests-v0.12.3/tests/general/phase0/bls");

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/^0x/, ""), "hex"));
const toHex = (b: Uint8Array): string => `0x${Buffer.from(b).toString("hex")}`;

/** Runs one case's operation; a thrown BlsError is reported as null (the generator's "must fail"). */
function answer(bls: Bls, c: GeneratedBlsCase): string | boolean | null {
  const i = c.input as Record<string, string & string[]>;
  try {
    switch (c.handler) {
      case "sign":
        return toHex(bls.sign(hex(i.privkey), hex(i.message)));
      case "verify":
        return bls.verify(hex(i.pubkey), hex(i.message), hex(i.signature));
      case "aggregate":
        return toHex(bls.aggregateSignatures((c.input as string[]).map(hex)));
      case "fast_aggregate_verify":
        return bls.fastAggregateVerify(i.pubkeys.map(hex), hex(i.message), hex(i.signature));
      case "aggregate_verify":
        return bls.aggregateVerify(i.pubkeys.map(hex), i.messages.map(hex), hex(i.signature));
    }
  } catch (e) {
    if (e instanceof BlsError) return null;
    throw e;
  }
}

const cases = generateV1BlsCases(blstBls);

describe("BLS consensus-specs v1.0.0 generator cases (default rules)", () => {
  it("transcribes all 60 cases with the generator's names", () => {
    const count = (handler: string) => cases.filter((c) => c.handler === handler).length;
    expect(cases).to.have.length(60);
    expect(["sign", "verify", "aggregate", "fast_aggregate_verify", "aggregate_verify"].map(count)).to.deep.equal([
      10, 28, 5, 12, 5,
    ]);
    expect(new Set(cases.map((c) => `${c.handler}/${c.name}`)).size).to.equal(60);
  });

  it("both back ends compute the same inputs and outputs", () => {
    expect(generateV1BlsCases(nobleBls)).to.deep.equal(cases);
  });

  it("cases unchanged since v0.12.3 equal the official v0.12.3 vector files", function () {
    if (!existsSync(v012Vectors)) this.skip(); // the shared vectors are absent on this machine
    const common = cases.filter((c) => !c.newInV1);
    expect(common).to.have.length(55);
    for (const c of common) {
      const file = path.join(v012Vectors, c.handler, "small", c.name, "data.yaml");
      expect(existsSync(file), `${c.handler}/${c.name} in the v0.12.3 vectors`).to.equal(true);
      const official = parse(readFileSync(file, "utf8"));
      expect({ input: c.input, output: c.output }, `${c.handler}/${c.name}`).to.deep.equal(official);
    }
  });

  for (const bls of [blstBls, nobleBls]) {
    describe(`${bls.backend} (rules ${bls.rules})`, () => {
      for (const c of cases) {
        it(`${c.handler}/${c.name} -> ${String(c.output).slice(0, 18)}`, () => {
          expect(answer(bls, c)).to.equal(c.output);
        });
      }
    });
  }

  it("the infinity cases named by the brief have the v1.0.0 outputs", () => {
    const output = (name: string) => cases.find((c) => c.name === name)?.output;
    expect(output("verify_infinity_pubkey_and_infinity_signature")).to.equal(false);
    expect(output("fast_aggregate_verify_infinity_pubkey")).to.equal(false);
    expect(output("aggregate_verify_infinity_pubkey")).to.equal(false);
    expect(output("fast_aggregate_verify_na_pubkeys_and_infinity_signature")).to.equal(false);
    expect(output("aggregate_verify_na_pubkeys_and_infinity_signature")).to.equal(false);
    expect(output("aggregate_infinity_signature")).to.equal(toHex(Z2_SIGNATURE));
    expect(output("aggregate_na_signatures")).to.equal(null);
    expect(output("sign_case_zero_privkey")).to.equal(null);
  });
});

describe("BLS rule sets: v1.0.0 (default) versus the explicit v0.12.3 option", () => {
  const oldRules = [blstBackend, nobleBackend].map((core) => createBls(core, { infinityPubkeyValid: true }));
  const infinityCases = cases.filter((c) => c.name.includes("infinity_pubkey"));

  it("the infinity-pubkey cases flip to true only under the old rules", () => {
    expect(infinityCases.map((c) => c.name)).to.deep.equal([
      "verify_infinity_pubkey_and_infinity_signature",
      "fast_aggregate_verify_infinity_pubkey",
      "aggregate_verify_infinity_pubkey",
    ]);
    for (const bls of oldRules) {
      expect(bls.rules).to.equal("v0.12.3");
      for (const c of infinityCases) expect(answer(bls, c), `${bls.backend} ${c.name}`).to.equal(true);
    }
    for (const bls of [blstBls, nobleBls]) {
      for (const c of infinityCases) expect(answer(bls, c), `${bls.backend} ${c.name}`).to.equal(false);
    }
  });

  it("keys summing to infinity never verify under v1.0.0 (KeyValidate of the aggregate key)", () => {
    const pk = blstBls.secretKeyToPublicKey(PRIVKEYS[0]);
    const negated = pk.slice();
    negated[0] ^= 0x20; // the compressed encoding's sign bit: -P
    expect(blstBls.isValidPublicKey(negated)).to.equal(true);
    for (const bls of [blstBls, nobleBls]) {
      expect(toHex(bls.aggregatePublicKeys([pk, negated]))).to.equal(toHex(Z1_PUBKEY));
      expect(bls.fastAggregateVerify([pk, negated], MESSAGES[0], Z2_SIGNATURE)).to.equal(false);
    }
    for (const bls of oldRules)
      expect(bls.fastAggregateVerify([pk, negated], MESSAGES[0], Z2_SIGNATURE)).to.equal(true);
  });

  it("aggregateVerify with the infinity signature is the pairing product (keys that cancel over one message)", () => {
    // draft-04 CoreAggregateVerify: prod e(H(m_i), PK_i) == e(signature, G1); with the identity signature the
    // product must be 1, as for P and -P (both pass KeyValidate) over the same message. Same under both rule sets.
    const pk = blstBls.secretKeyToPublicKey(PRIVKEYS[2]);
    const negated = pk.slice();
    negated[0] ^= 0x20;
    for (const bls of [blstBls, nobleBls, ...oldRules]) {
      expect(bls.aggregateVerify([pk, negated], [MESSAGES[1], MESSAGES[1]], Z2_SIGNATURE), bls.backend).to.equal(true);
      expect(bls.aggregateVerify([pk, negated], [MESSAGES[1], MESSAGES[2]], Z2_SIGNATURE), bls.backend).to.equal(false);
      expect(bls.aggregateVerify([pk], [MESSAGES[1]], Z2_SIGNATURE), bls.backend).to.equal(false);
    }
  });

  it("batch verification and public-key aggregation refuse an infinity key under v1.0.0", () => {
    const set = { publicKey: Z1_PUBKEY, message: SAMPLE_MESSAGE, signature: Z2_SIGNATURE };
    const pk = blstBls.secretKeyToPublicKey(PRIVKEYS[1]);
    for (const bls of [blstBls, nobleBls]) {
      expect(bls.verifyMultipleSignatures([set])).to.equal(false);
      expect(bls.isValidPublicKey(Z1_PUBKEY)).to.equal(false);
      expect(() => bls.aggregatePublicKeys([pk, Z1_PUBKEY]))
        .to.throw(BlsError)
        .with.property("code", "INVALID_PUBLIC_KEY");
    }
    for (const bls of oldRules) {
      expect(bls.verifyMultipleSignatures([set])).to.equal(true);
      expect(toHex(bls.aggregatePublicKeys([pk, Z1_PUBKEY]))).to.equal(toHex(pk));
    }
  });
});
