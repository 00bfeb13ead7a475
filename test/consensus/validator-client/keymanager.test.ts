// Keymanager API over real parts (ValidatorStore + ValidatorSigner, an SQLite slashing-protection file, keystores
// written under a data dir): request validation (400), auth (401/403), import statuses, a bad interchange importing
// nothing, delete statuses and the interchange returned, the token file kept across starts with mode 0600.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import pino from "pino";
import { createDevnetConfig } from "../../../consensus/node/config/devnetParams.js";
import { ValidatorSigner } from "../../../consensus/validator/signer.js";
import { SlashingProtectionDb } from "../../../consensus/validator/slashing-protection/index.js";
import { createKeymanagerServer, ensureApiToken } from "../../../consensus/validator-client/keymanager.js";
import { keymanagerBackend } from "../../../consensus/validator-client/keymanagerBackend.js";
import { ManagedKeystores } from "../../../consensus/validator-client/keystoreFiles.js";
import { ValidatorStore } from "../../../consensus/validator-client/validatorStore.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { createKeystore } from "../../../sdk/keys/keystore/index.js";
import { pubkeyHex } from "./chainFixture.js";

describe("consensus/validator-client Keymanager API", function () {
  this.timeout(30_000);
  const cfg = createDevnetConfig();
  const keys = devnetKeys(0, 2);
  const gvr = new Uint8Array(32).fill(9);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "btc20-km-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("validates requests, imports and deletes with slashing protection, keeps the token", async () => {
    const tokenFile = path.join(dir, "api-token.txt");
    const token = ensureApiToken(tokenFile);
    expect(statSync(tokenFile).mode & 0o777).to.equal(0o600);
    expect(ensureApiToken(tokenFile)).to.equal(token);
    const protection = new SlashingProtectionDb(path.join(dir, "sp.sqlite"));
    protection.setGenesisValidatorsRoot(gvr);
    const store = new ValidatorStore(new ValidatorSigner(cfg, [], protection));
    const app = createKeymanagerServer(
      keymanagerBackend(store, new ManagedKeystores(dir), protection, () => null, pino({ level: "silent" })),
      token,
    );
    const call = (method: "GET" | "POST" | "DELETE", payload?: object, auth = `Bearer ${token}`) =>
      app.inject({ method, url: "/eth/v1/keystores", headers: { authorization: auth }, payload });

    expect((await app.inject({ method: "GET", url: "/eth/v1/keystores" })).statusCode).to.equal(401);
    expect((await call("GET", undefined, `Bearer ${token}x`)).statusCode).to.equal(403);
    expect((await call("POST", { keystores: ["{}"], passwords: [] })).statusCode).to.equal(400);
    expect((await call("POST", { keystores: [1], passwords: ["a"] })).statusCode).to.equal(400);
    expect((await call("DELETE", { pubkeys: ["0x12"] })).statusCode).to.equal(400);

    const ks = JSON.stringify(
      await createKeystore(keys[0]!.secretKey, "pw", {
        path: "m/12381/3600/0/0/0",
        kdf: { function: "pbkdf2", c: 2 ** 14 },
        pubkey: keys[0]!.publicKey,
      }),
    );
    const pk = pubkeyHex(keys[0]!);
    // an interchange for another chain: nothing is imported
    const foreign = {
      metadata: { interchange_format_version: "5", genesis_validators_root: `0x${"01".repeat(32)}` },
      data: [],
    };
    const refused = (
      await call("POST", { keystores: [ks], passwords: ["pw"], slashing_protection: JSON.stringify(foreign) })
    ).json();
    expect(refused.data[0].status).to.equal("error");
    expect(refused.data[0].message).to.include("genesis_validators_root");
    expect(store.all()).to.have.length(0);

    const history = {
      metadata: { interchange_format_version: "5", genesis_validators_root: `0x${"09".repeat(32)}` },
      data: [
        { pubkey: pk, signed_blocks: [{ slot: "5" }], signed_attestations: [{ source_epoch: "1", target_epoch: "2" }] },
      ],
    };
    const ok = (
      await call("POST", {
        keystores: [ks, "not json"],
        passwords: ["pw", "x"],
        slashing_protection: JSON.stringify(history),
      })
    ).json();
    expect(ok.data.map((d: { status: string }) => d.status)).to.deep.equal(["imported", "error"]);
    expect(store.canSign(pk)).to.equal(true);
    expect((await call("GET")).json().data).to.deep.equal([
      { validating_pubkey: pk, derivation_path: "m/12381/3600/0/0/0", readonly: false },
    ]);
    // the imported history protects at once: nothing at or below slot 5 / target 2
    expect(() => protection.checkAndInsertBlockProposal(keys[0]!.publicKey, 5, new Uint8Array(32))).to.throw();

    const del = (await call("DELETE", { pubkeys: [pk, pubkeyHex(keys[1]!)] })).json();
    expect(del.data.map((d: { status: string }) => d.status)).to.deep.equal(["deleted", "not_found"]);
    const exported = JSON.parse(del.slashing_protection);
    expect(exported.data).to.have.length(1);
    expect(exported.data[0].signed_blocks).to.deep.equal([{ slot: "5" }]);
    expect(store.all()).to.have.length(0);
    expect((await call("DELETE", { pubkeys: [pk] })).json().data[0].status).to.equal("not_active");
    expect(readFileSync(tokenFile, "utf8")).to.equal(token);
    await app.close();
    protection.close();
  });
});
