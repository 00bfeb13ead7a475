// Keystores on disk in the layouts other clients write: flat *.json (deposit CLI, Teku) and one folder per key
// (Lighthouse), passwords from a secrets dir (0x<pubkey>) or one password file; wrong passwords and keystores whose
// secret does not match their pubkey are refused with KEYSTORE_LOAD_FAILED; Keymanager imports persist 0600.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { loadKeysFromDir, ManagedKeystores } from "../../../consensus/validator-client/keystoreFiles.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { createKeystore } from "../../../sdk/keys/keystore/index.js";
import { pubkeyHex } from "./chainFixture.js";

describe("consensus/validator-client keystore files", function () {
  this.timeout(30_000);
  const keys = devnetKeys(0, 3);
  let dir: string;
  const ks = async (i: number, password: string, pubkey = keys[i]!.publicKey) =>
    JSON.stringify(
      await createKeystore(keys[i]!.secretKey, password, {
        path: `m/12381/3600/${i}/0/0`,
        kdf: { function: "pbkdf2", c: 2 ** 14 },
        pubkey,
      }),
    );
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "btc20-vc-keys-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads flat and per-key folders with a secrets dir, or one password file", async () => {
    const keystoresDir = path.join(dir, "keystores");
    const secretsDir = path.join(dir, "secrets");
    mkdirSync(path.join(keystoresDir, pubkeyHex(keys[1]!)), { recursive: true });
    mkdirSync(secretsDir);
    writeFileSync(path.join(keystoresDir, "keystore-m_12381_3600_0_0_0.json"), await ks(0, "a"));
    writeFileSync(path.join(keystoresDir, pubkeyHex(keys[1]!), "voting-keystore.json"), await ks(1, "b"));
    writeFileSync(path.join(secretsDir, pubkeyHex(keys[0]!)), "a\n");
    writeFileSync(path.join(secretsDir, pubkeyHex(keys[1]!).slice(2)), "b");
    const loaded = await loadKeysFromDir({ keystoresDir, secretsDir }, true);
    const byPk = new Map(loaded.map((k) => [k.pubkeyHex, k]));
    expect([...byPk.keys()].sort()).to.deep.equal([pubkeyHex(keys[0]!), pubkeyHex(keys[1]!)].sort());
    expect(byPk.get(pubkeyHex(keys[1]!))!.path).to.equal("m/12381/3600/1/0/0");
    expect(Buffer.from(byPk.get(pubkeyHex(keys[0]!))!.secretKey)).to.deep.equal(Buffer.from(keys[0]!.secretKey));

    const flat = path.join(dir, "flat");
    mkdirSync(flat);
    writeFileSync(path.join(flat, "k.json"), await ks(2, "same"));
    writeFileSync(path.join(dir, "pw.txt"), "same\n");
    const one = await loadKeysFromDir({ keystoresDir: flat, passwordFile: path.join(dir, "pw.txt") }, true);
    expect(one).to.have.length(1);
  });

  it("refuses a wrong password, a missing password and a keystore whose key is not its pubkey", async () => {
    const d = path.join(dir, "k");
    mkdirSync(d);
    writeFileSync(path.join(d, "k.json"), await ks(0, "right"));
    writeFileSync(path.join(dir, "pw.txt"), "wrong");
    const wrong = await loadKeysFromDir({ keystoresDir: d, passwordFile: path.join(dir, "pw.txt") }, true).catch(
      (e) => e,
    );
    expect(wrong.code).to.equal("KEYSTORE_LOAD_FAILED");
    const missing = await loadKeysFromDir({ keystoresDir: d, secretsDir: dir }, true).catch((e) => e);
    expect(missing.code).to.equal("KEYSTORE_LOAD_FAILED");
    expect(missing.message).to.include(pubkeyHex(keys[0]!));
    writeFileSync(path.join(d, "k.json"), await ks(0, "right", keys[1]!.publicKey));
    writeFileSync(path.join(dir, "pw.txt"), "right");
    const mismatch = await loadKeysFromDir({ keystoresDir: d, passwordFile: path.join(dir, "pw.txt") }, true).catch(
      (e) => e,
    );
    expect(mismatch.code).to.equal("KEYSTORE_LOAD_FAILED");
    expect(mismatch.message).to.match(/does not (belong to|match its) pubkey/);
  });

  it("keeps Keymanager imports under the data dir (0600) and forgets deleted ones", async () => {
    const managed = new ManagedKeystores(dir);
    const pk = pubkeyHex(keys[2]!);
    managed.save(pk, await ks(2, "pw"), "pw");
    expect(statSync(path.join(dir, "secrets", pk)).mode & 0o777).to.equal(0o600);
    expect(statSync(path.join(dir, "keystores", pk, "voting-keystore.json")).mode & 0o777).to.equal(0o600);
    const loaded = await managed.load();
    expect(loaded.map((k) => [k.pubkeyHex, k.readonly])).to.deep.equal([[pk, false]]);
    managed.remove(pk);
    expect(await managed.load()).to.have.length(0);
  });
});
