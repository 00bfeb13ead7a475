import { expect } from "chai";
import { nobleBls } from "../../../../sdk/crypto/bls/index.js";
import {
  createKeystore,
  decryptKeystore,
  type Keystore,
  KeystoreError,
  normalizePassword,
  parseKeystore,
} from "../../../../sdk/keys/keystore/index.js";
import { portableScrypt } from "../../../../sdk/keys/keystore/scrypt.js";
import { scryptNode, scryptNodeSync } from "../../../../sdk/keys/keystore/scrypt.node.js";
import { bytesToHex, hexToBytes, readKeyVectors } from "../vectors.js";

interface KeystoreVectors {
  keystores: {
    name: string;
    password: string;
    encoded_password_hex: string;
    secret_hex: string;
    keystore: Keystore;
  }[];
  password_normalization: { password: string; expected_hex: string }[];
}

const v = readKeyVectors<KeystoreVectors>("eip2335_keystores.json");
const SECRET = hexToBytes("263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3");
const LOW_SCRYPT = { function: "scrypt", n: 2 ** 10, r: 8, p: 1 } as const;

async function rejection(promise: Promise<unknown>): Promise<KeystoreError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(KeystoreError);
    return e as KeystoreError;
  }
  throw new Error("expected a rejection");
}

describe("EIP-2335 keystores", () => {
  describe("official vectors (real parameters: scrypt n=2^18 and pbkdf2 c=2^18)", () => {
    for (const vector of v.keystores) {
      it(`${vector.name}: normalises the password, decrypts, and re-creates the exact keystore`, async () => {
        expect(bytesToHex(normalizePassword(vector.password))).to.equal(vector.encoded_password_hex);
        const secret = await decryptKeystore(vector.keystore, vector.password);
        expect(bytesToHex(secret)).to.equal(vector.secret_hex);
        const ks = vector.keystore;
        const recreated = await createKeystore(secret, vector.password, {
          path: ks.path,
          description: ks.description,
          kdf:
            ks.crypto.kdf.function === "scrypt"
              ? { function: "scrypt", n: ks.crypto.kdf.params.n, r: ks.crypto.kdf.params.r, p: ks.crypto.kdf.params.p }
              : { function: "pbkdf2", c: ks.crypto.kdf.params.c },
          salt: hexToBytes(ks.crypto.kdf.params.salt),
          iv: hexToBytes(ks.crypto.cipher.params.iv),
          uuid: ks.uuid,
        });
        expect(JSON.stringify(recreated)).to.equal(JSON.stringify(ks));
      });
    }
  });

  it("normalises passwords (NFKD, C0/C1/DEL stripped) as in the vectors", () => {
    for (const c of v.password_normalization) {
      expect(bytesToHex(normalizePassword(c.password)), JSON.stringify(c.password)).to.equal(c.expected_hex);
    }
    expect(bytesToHex(normalizePassword("a\u0000b\u007fc\u0085d\u009fe"))).to.equal("6162636465");
  });

  it("round-trips with the default KDF (scrypt n=2^18, r=8, p=1) and a fresh salt, IV and UUID", async () => {
    const ks = await createKeystore(SECRET, "correct horse", { path: "m/12381/3600/0/0/0" });
    expect(ks.crypto.kdf).to.deep.include({ function: "scrypt" });
    expect(ks.crypto.kdf.params).to.deep.include({ n: 2 ** 18, r: 8, p: 1, dklen: 32 });
    expect(ks.crypto.kdf.params.salt).to.have.length(64);
    expect(ks.crypto.cipher.params.iv).to.have.length(32);
    expect(ks.uuid).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ks.pubkey).to.equal(bytesToHex(nobleBls.secretKeyToPublicKey(SECRET)));
    expect(ks.version).to.equal(4);
    expect(await decryptKeystore(JSON.stringify(ks), "correct horse")).to.deep.equal(SECRET);
  });

  it("uses a fresh salt, IV and UUID for every keystore", async () => {
    const opts = { path: "m/12381/3600/1/0/0", kdf: LOW_SCRYPT, allowWeakKdf: true };
    const [a, b] = await Promise.all([createKeystore(SECRET, "pw", opts), createKeystore(SECRET, "pw", opts)]);
    expect(a.crypto.kdf.params.salt).to.not.equal(b.crypto.kdf.params.salt);
    expect(a.crypto.cipher.params.iv).to.not.equal(b.crypto.cipher.params.iv);
    expect(a.uuid).to.not.equal(b.uuid);
    expect(a.crypto.cipher.message).to.not.equal(b.crypto.cipher.message);
  });

  it("pbkdf2 round trip, and password normalisation applies on both sides", async () => {
    const ks = await createKeystore(SECRET, "pass\u0007word\u00bd", {
      path: "",
      kdf: { function: "pbkdf2", c: 2 ** 10 },
      allowWeakKdf: true,
    });
    expect(await decryptKeystore(ks, "password1\u20442", { allowWeakKdf: true })).to.deep.equal(SECRET);
  });

  it("refuses weak KDF parameters unless allowWeakKdf is given", async () => {
    const ks = await createKeystore(SECRET, "pw", { path: "", kdf: LOW_SCRYPT, allowWeakKdf: true });
    expect((await rejection(decryptKeystore(ks, "pw"))).code).to.equal("WEAK_KDF_PARAMS");
    expect(await decryptKeystore(ks, "pw", { allowWeakKdf: true })).to.deep.equal(SECRET);
    const pb = await createKeystore(SECRET, "pw", {
      path: "",
      kdf: { function: "pbkdf2", c: 1000 },
      allowWeakKdf: true,
    });
    expect((await rejection(decryptKeystore(pb, "pw"))).code).to.equal("WEAK_KDF_PARAMS");
    expect((await rejection(createKeystore(SECRET, "pw", { path: "", kdf: LOW_SCRYPT }))).code).to.equal(
      "WEAK_KDF_PARAMS",
    );
    const lowR = {
      ...ks,
      crypto: { ...ks.crypto, kdf: { ...ks.crypto.kdf, params: { ...ks.crypto.kdf.params, n: 2 ** 14, r: 1 } } },
    };
    expect((await rejection(decryptKeystore(lowR, "pw"))).code).to.equal("WEAK_KDF_PARAMS");
  });

  it("refuses excessive KDF parameters (memory/time bombs) even with allowWeakKdf", async () => {
    const ks = await createKeystore(SECRET, "pw", { path: "", kdf: LOW_SCRYPT, allowWeakKdf: true });
    const bomb = {
      ...ks,
      crypto: { ...ks.crypto, kdf: { ...ks.crypto.kdf, params: { ...ks.crypto.kdf.params, n: 2 ** 24 } } },
    };
    expect((await rejection(decryptKeystore(bomb, "pw", { allowWeakKdf: true }))).code).to.equal(
      "EXCESSIVE_KDF_PARAMS",
    );
  });

  it("reports a wrong password, a pubkey that does not match, and malformed keystores", async () => {
    const opts = { path: "m/12381/3600/0/0/0", kdf: LOW_SCRYPT, allowWeakKdf: true };
    const ks = await createKeystore(SECRET, "right", opts);
    expect((await rejection(decryptKeystore(ks, "wrong", opts))).code).to.equal("WRONG_PASSWORD");
    const other = bytesToHex(nobleBls.secretKeyToPublicKey(hexToBytes(`${"00".repeat(31)}07`)));
    expect((await rejection(decryptKeystore({ ...ks, pubkey: other }, "right", opts))).code).to.equal(
      "PUBKEY_MISMATCH",
    );
    expect((await rejection(decryptKeystore("{not json", "right"))).code).to.equal("INVALID_KEYSTORE");
    expect((await rejection(decryptKeystore({ ...ks, version: 3 }, "right"))).code).to.equal("UNSUPPORTED_VERSION");
    const aesCbc = { ...ks, crypto: { ...ks.crypto, cipher: { ...ks.crypto.cipher, function: "aes-128-cbc" } } };
    expect((await rejection(decryptKeystore(aesCbc, "right"))).code).to.equal("UNSUPPORTED_CIPHER");
    const argon = { ...ks, crypto: { ...ks.crypto, kdf: { ...ks.crypto.kdf, function: "argon2" } } };
    expect((await rejection(decryptKeystore(argon, "right"))).code).to.equal("UNSUPPORTED_KDF");
    const badIv = { ...ks, crypto: { ...ks.crypto, cipher: { ...ks.crypto.cipher, params: { iv: "00" } } } };
    expect((await rejection(decryptKeystore(badIv, "right"))).code).to.equal("INVALID_KEYSTORE");
    expect(() => parseKeystore({ ...ks, pubkey: "0x12" }))
      .to.throw(KeystoreError)
      .with.property("code", "INVALID_KEYSTORE");
  });

  it("refuses to encrypt something that is not a BLS secret key", async () => {
    for (const bad of [new Uint8Array(32), new Uint8Array(16), new Uint8Array(32).fill(0xff)]) {
      const e = await rejection(createKeystore(bad, "pw", { path: "", kdf: LOW_SCRYPT, allowWeakKdf: true }));
      expect(e.code).to.equal("INVALID_SECRET");
    }
  });

  it("the browser scrypt (noble) and the worker's blocking scrypt give the same key as node:crypto's", async () => {
    const params = { n: 2 ** 10, r: 8, p: 1, dklen: 32 };
    const password = normalizePassword("𝔱𝔢𝔰𝔱");
    const salt = hexToBytes("d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3");
    const expected = await scryptNode(password, salt, params);
    expect(await portableScrypt(password, salt, params)).to.deep.equal(expected);
    expect(scryptNodeSync(password, salt, params)).to.deep.equal(expected);
  });
});
