import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { sendBatch, signedDeposit, testKey } from "./support/deposits.js";
import { FOLLOW_DISTANCE, openFollower, tempDataDir } from "./support/followerHarness.js";
import { type LocalChain, startLocalChain } from "./support/localChain.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** Runs the follower in a child process and SIGKILLs it once it has printed `killAfter` batches (plus a few ms). */
function runAndKill(chain: LocalChain, dataDir: string, killAfter: number, extraDelayMs: number): Promise<number> {
  const args = JSON.stringify({
    url: chain.url,
    chainId: chain.chainId,
    address: chain.address,
    deployBlock: chain.deployBlock,
    dataDir,
    followDistance: FOLLOW_DISTANCE,
  });
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "support/followerProcess.ts"), args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let steps = 0;
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("step") && ++steps === killAfter) setTimeout(() => child.kill("SIGKILL"), extraDelayMs);
    });
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve(steps) : reject(new Error(`follower exited (${_code}) before the kill`)),
    );
  });
}

describe("consensus/follower killed at any moment", function () {
  this.timeout(120_000);
  let chain: LocalChain;
  const data = tempDataDir();

  before(async () => {
    chain = await startLocalChain();
    const keys = Array.from({ length: 8 }, (_, i) => testKey(`kill-${i}`));
    // 30 blocks with 4 deposits each (a key's first deposit, then top-ups)
    for (let b = 0; b < 30; b++)
      await sendBatch(
        chain.contract,
        keys.slice((b % 2) * 4, (b % 2) * 4 + 4).map((k) => signedDeposit(k, 32e9)),
      );
    await chain.mine(FOLLOW_DISTANCE);
  });
  after(async () => {
    await chain?.close();
    data.remove();
  });

  it("resumes after SIGKILLs mid-sync with every deposit exactly once and the contract's root", async () => {
    await runAndKill(chain, data.dir, 4, 0);
    await runAndKill(chain, data.dir, 6, 7);
    const h = openFollower(chain, data.dir);
    try {
      const resumedAt = h.follower.depositCount;
      expect(resumedAt % 4).to.equal(0); // whole blocks only: a batch is stored entirely or not at all
      expect(resumedAt).to.be.greaterThan(0);
      await h.follower.syncToHead();
      expect(h.follower.depositCount).to.equal(120);
      expect(h.store.getDeposits(0, 1000).map((d) => d.index)).to.deep.equal([...Array(120).keys()]);
      expect(`0x${hex(h.follower.depositRoot())}`).to.equal(await chain.contract.get_deposit_root());
    } finally {
      await h.close();
    }
  });
});
