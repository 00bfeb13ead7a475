// A devnet process that fails to start is reported with its own error output, not left running or hanging; a
// running one is really gone after SIGKILL (no launcher process in between that could outlive it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { NODE_CLI, ServiceProcess } from "../../../../scripts/devnet/processes/serviceProcess.js";

describe("scripts/devnet/processes ServiceProcess", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "btc20-proc-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("a btc20-node that exits at start rejects the wait with its exit code and last output", async () => {
    const p = new ServiceProcess({
      name: "bad-node",
      entry: NODE_CLI,
      args: ["--network", "devnet", "--data-dir", path.join(dir, "d")], // no --execution-endpoint
      logFile: path.join(dir, "bad.log"),
    });
    p.start();
    const err = await p.waitForLine((l) => l.msg === "btc20-node running", 30_000, "running").catch((e: Error) => e);
    expect(err).to.be.instanceOf(Error);
    expect((err as Error).message).to.match(/bad-node exited \(code 1\) before "running"/);
    expect((err as Error).message).to.match(/--execution-endpoint is required/);
    expect(p.running).to.equal(false);
  });

  it("SIGKILL ends the process itself", async () => {
    const p = new ServiceProcess({
      name: "sleeper",
      entry: path.join(import.meta.dirname, "fixtures", "sleeper.ts"),
      args: [],
      logFile: path.join(dir, "sleeper.log"),
    });
    p.start();
    await p.waitForLine((l) => l.msg === "sleeping", 30_000, "sleeping");
    const pid = p.pid!;
    await p.kill("SIGKILL");
    expect(p.exitSignal).to.equal("SIGKILL");
    expect(() => process.kill(pid, 0)).to.throw(/ESRCH/);
  });
});
