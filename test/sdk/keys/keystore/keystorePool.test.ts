import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { deriveSecretKeyAtPath, signingKeyPath } from "../../../../sdk/keys/index.js";
import { decryptKeystore, KeystoreError, keystoreFileName } from "../../../../sdk/keys/keystore/index.js";
import { writeKeystoreFile } from "../../../../sdk/node/keystoreFile.js";
import { createKeystoresInPool, KeystorePool } from "../../../../sdk/node/keystorePool.js";

const SEED = new Uint8Array(64).fill(42);
const LOW = { kdf: { function: "scrypt", n: 2 ** 12, r: 8, p: 1 } as const, allowWeakKdf: true };

function jobs(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const keyPath = signingKeyPath(3600, i);
    return { secretKey: deriveSecretKeyAtPath(SEED, keyPath), path: keyPath };
  });
}

describe("keystore worker pool (sdk/node)", () => {
  it("encrypts on worker threads; every output decrypts, progress reaches N, the event loop keeps turning", async () => {
    const input = jobs(8);
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    let keystores: Awaited<ReturnType<typeof createKeystoresInPool>>;
    try {
      keystores = await createKeystoresInPool(input, "pool password", {
        ...LOW,
        workers: 2,
        onProgress: (done, total) => {
          expect(total).to.equal(input.length);
          progress.push(done);
        },
      });
    } finally {
      clearInterval(timer);
    }
    expect(progress).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ticks).to.be.greaterThan(0);
    expect(keystores.map((k) => k.path)).to.deep.equal(input.map((j) => j.path));
    expect(new Set(keystores.map((k) => k.crypto.kdf.params.salt)).size).to.equal(input.length);
    for (let i = 0; i < input.length; i++) {
      expect(await decryptKeystore(keystores[i], "pool password", LOW)).to.deep.equal(input[i].secretKey);
    }
  });

  it("a KeystorePool stays up across batches and refuses work once closed", async () => {
    const pool = KeystorePool.start("reused", { ...LOW, workers: 2 });
    try {
      const first = await pool.encrypt(jobs(2));
      const second = await pool.encrypt(jobs(3).slice(2));
      expect(await decryptKeystore(first[1], "reused", LOW)).to.deep.equal(jobs(2)[1].secretKey);
      expect(await decryptKeystore(second[0], "reused", LOW)).to.deep.equal(jobs(3)[2].secretKey);
    } finally {
      await pool.close();
    }
    let caught: unknown;
    await pool.encrypt(jobs(1)).catch((e) => {
      caught = e;
    });
    expect(caught).to.be.instanceOf(KeystoreError).with.property("code", "WORKER_FAILED");
  });

  it("rejects bad jobs before starting workers", async () => {
    const bad = [{ secretKey: new Uint8Array(32), path: signingKeyPath(3600, 0) }];
    let caught: unknown;
    await createKeystoresInPool(bad, "pw", LOW).catch((e) => {
      caught = e;
    });
    expect(caught).to.be.instanceOf(KeystoreError).with.property("code", "INVALID_SECRET");
    caught = undefined;
    await createKeystoresInPool(jobs(1), "pw", { kdf: LOW.kdf }).catch((e) => {
      caught = e;
    });
    expect(caught).to.be.instanceOf(KeystoreError).with.property("code", "WEAK_KDF_PARAMS");
  });
});

describe("keystore files", () => {
  it("are named like the reference deposit CLI and written read-only (0400), never overwritten", async () => {
    expect(keystoreFileName({ path: "m/12381/3600/0/0/0" }, 1700000000)).to.equal(
      "keystore-m_12381_3600_0_0_0-1700000000.json",
    );
    const [ks] = await createKeystoresInPool(jobs(1), "pw", { ...LOW, workers: 1 });
    const folder = await mkdtemp(path.join(tmpdir(), "btc20-keystore-"));
    try {
      const file = await writeKeystoreFile(folder, ks, 1700000001);
      expect(path.basename(file)).to.equal("keystore-m_12381_3600_0_0_0-1700000001.json");
      expect((await stat(file)).mode & 0o777).to.equal(0o400);
      expect(await decryptKeystore(await readFile(file, "utf8"), "pw", LOW)).to.deep.equal(jobs(1)[0].secretKey);
      let caught: unknown;
      await writeKeystoreFile(folder, ks, 1700000001).catch((e) => {
        caught = e;
      });
      expect(caught).to.have.property("code", "EEXIST");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
