import { expect } from "chai";
import fc from "fast-check";
import {
  deriveChildSecretKeyJs,
  deriveMasterSecretKeyJs,
  parentSecretKeyToLamportPublicKey,
} from "../../../sdk/keys/eip2333Portable.js";
import {
  bigIntToSecretKey,
  deriveChildSecretKey,
  deriveMasterSecretKey,
  deriveSecretKeyAtPath,
  eip2333Backend,
  KeyError,
  mnemonicToSeedSync,
  secretKeyToBigInt,
} from "../../../sdk/keys/index.js";
import { bytesToHex, hexToBytes, readKeyVectors } from "./vectors.js";

interface TreeKdfCase {
  name: string;
  seed: string;
  master_SK: string;
  master_SK_hex: string;
  child_index: number;
  child_SK: string;
  child_SK_hex: string;
}
interface TreeKdfVectors {
  bip39_extension: { mnemonic: string; passphrase: string; seed: string };
  test_cases: TreeKdfCase[];
  intermediate: TreeKdfCase & { compressed_lamport_PK: string };
}

const v = readKeyVectors<TreeKdfVectors>("eip2333_tree_kdf.json");

const implementations = [
  { name: `default (${eip2333Backend})`, master: deriveMasterSecretKey, child: deriveChildSecretKey },
  { name: "portable JS", master: deriveMasterSecretKeyJs, child: deriveChildSecretKeyJs },
];

describe("EIP-2333 key derivation (eip2333_tree_kdf.json)", () => {
  it("uses the native back end in Node", () => {
    expect(eip2333Backend).to.equal("native");
  });

  for (const impl of implementations) {
    for (const c of v.test_cases) {
      it(`${impl.name}: ${c.name} master and child ${c.child_index}`, () => {
        const master = impl.master(hexToBytes(c.seed));
        expect(bytesToHex(master)).to.equal(c.master_SK_hex);
        expect(secretKeyToBigInt(master)).to.equal(BigInt(c.master_SK));
        const child = impl.child(master, c.child_index);
        expect(bytesToHex(child)).to.equal(c.child_SK_hex);
        expect(bigIntToSecretKey(BigInt(c.child_SK))).to.deep.equal(child);
      });
    }
  }

  it("matches the intermediate compressed Lamport public key", () => {
    const i = v.intermediate;
    const lamport = parentSecretKeyToLamportPublicKey(hexToBytes(i.master_SK_hex), i.child_index);
    expect(bytesToHex(lamport)).to.equal(i.compressed_lamport_PK);
  });

  it("BIP-39 mnemonic + passphrase gives test_case_0's seed", () => {
    const e = v.bip39_extension;
    expect(bytesToHex(mnemonicToSeedSync(e.mnemonic, { passphrase: e.passphrase }))).to.equal(e.seed);
  });

  it("native and portable agree on random parents and indices", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 64 }), fc.nat({ max: 0xffffffff }), (seed, index) => {
        const master = deriveMasterSecretKey(seed);
        expect(master).to.deep.equal(deriveMasterSecretKeyJs(seed));
        expect(deriveChildSecretKey(master, index)).to.deep.equal(deriveChildSecretKeyJs(master, index));
      }),
      { numRuns: 10 },
    );
  });

  it("derives along a path one child at a time", () => {
    const seed = hexToBytes(v.test_cases[0].seed);
    let sk = deriveMasterSecretKey(seed);
    for (const index of [12381, 3600, 7, 0, 0]) sk = deriveChildSecretKey(sk, index);
    expect(deriveSecretKeyAtPath(seed, "m/12381/3600/7/0/0")).to.deep.equal(sk);
    expect(deriveSecretKeyAtPath(seed, "m")).to.deep.equal(deriveMasterSecretKey(seed));
  });

  it("rejects short seeds, bad indices and bad parent keys with typed errors", () => {
    const master = deriveMasterSecretKey(hexToBytes(v.test_cases[0].seed));
    expect(() => deriveMasterSecretKey(new Uint8Array(31)))
      .to.throw(KeyError)
      .with.property("code", "INVALID_SEED");
    for (const index of [-1, 2 ** 32, 1.5, Number.NaN]) {
      expect(() => deriveChildSecretKey(master, index))
        .to.throw(KeyError)
        .with.property("code", "INVALID_INDEX");
    }
    for (const parent of [new Uint8Array(32), new Uint8Array(31), new Uint8Array(32).fill(0xff)]) {
      expect(() => deriveChildSecretKey(parent, 0))
        .to.throw(KeyError)
        .with.property("code", "INVALID_SECRET_KEY");
    }
  });
});
