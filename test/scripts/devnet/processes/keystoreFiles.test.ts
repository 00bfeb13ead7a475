// The devnet's keystores on disk open with the node's own loader (no weak-KDF exemption), give back the same keys,
// and hold secrets in 0600 files; the secrets dir has one password file per pubkey.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { loadKeystores, readPasswordFile } from "../../../../consensus/validator/keystores.js";
import { devnetKeys } from "../../../../scripts/devnet/keys.js";
import { DEVNET_KEYSTORE_PASSWORD, writeKeystoreFiles } from "../../../../scripts/devnet/processes/keystoreFiles.js";

describe("scripts/devnet/processes keystoreFiles", () => {
  it("writes EIP-2335 keystores that loadKeystores decrypts to the same keys", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "btc20-ks-"));
    try {
      const keys = devnetKeys(5, 3);
      const files = await writeKeystoreFiles(dir, keys, 5);
      const loaded = await loadKeystores(files.keystoresDir, readPasswordFile(files.passwordFile));
      expect(loaded.map((k) => Buffer.from(k.secretKey).toString("hex"))).to.deep.equal(
        keys.map((k) => Buffer.from(k.secretKey).toString("hex")),
      );
      const names = readdirSync(files.keystoresDir).sort();
      expect(names).to.deep.equal([5, 6, 7].map((i) => `keystore-m_12381_3600_${i}_0_0.json`).sort());
      const ks = JSON.parse(readFileSync(path.join(files.keystoresDir, names[0]!), "utf8"));
      expect(ks.crypto.kdf.function).to.equal("pbkdf2");
      expect(ks.path).to.equal("m/12381/3600/5/0/0");
      for (const pubkey of files.pubkeys) {
        expect(readFileSync(path.join(files.secretsDir, pubkey), "utf8")).to.equal(DEVNET_KEYSTORE_PASSWORD);
      }
      for (const f of [files.passwordFile, path.join(files.keystoresDir, names[0]!)]) {
        expect(statSync(f).mode & 0o777).to.equal(0o600);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
