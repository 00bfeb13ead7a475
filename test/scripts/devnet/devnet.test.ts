// `npm run devnet` end to end, in virtual time: Hardhat's JSON-RPC on 127.0.0.1, the real DepositContract, SDK
// deposits, the follower, genesis from the contract, the node and API; deposits made while running must go
// deposit_pending -> pending_initialized -> pending_queued -> active_ongoing at the churn limit.
import { expect } from "chai";
import { runDevnet } from "../../../scripts/devnet/devnetRun.js";

describe("scripts/devnet npm run devnet (eth1 + contract + follower + node, virtual time)", function () {
  this.timeout(120_000);

  it("healthy: finalizes every epoch and activates the keys deposited while running", async () => {
    const lines: string[] = [];
    const api: Record<string, { data: Record<string, unknown> }> = {};
    const r = await runDevnet({
      beforeShutdown: async (url) => {
        for (const p of [
          "/eth/v1/beacon/deposit_snapshot",
          "/eth/v1/beacon/states/finalized/finality_checkpoints",
          "/btc20/v1/activation_queue",
          "/eth/v1/config/deposit_contract",
        ]) {
          api[p] = await (await fetch(`${url}${p}`)).json();
        }
      },
      scenario: "healthy",
      epochs: 11,
      validators: 8,
      restPort: 0,
      mode: "virtual",
      extraDeposits: 6,
      depositEpoch: 1,
      print: (l) => lines.push(l),
    });
    expect(r.reason).to.equal(null);
    expect(r.ok).to.equal(true);
    for (const [key, flow] of r.depositFlow) {
      expect(flow, key).to.deep.equal([
        "not yet seen",
        "deposit_pending",
        "pending_initialized",
        "pending_queued",
        "active_ongoing",
      ]);
    }
    // churn limit 4 per epoch: 6 keys activate over two epochs
    const activations = lines
      .filter((l) => l.includes("-> active_ongoing"))
      .map((l) => Number(/slot (\d+)/.exec(l)![1]));
    expect(new Set(activations).size).to.equal(2);
    expect(lines.some((l) => l.startsWith("  INACTIVITY_PENALTY_QUOTIENT: 16777216 -> 256"))).to.equal(true);
    expect(lines.some((l) => /genesis from the contract's 8 deposits/.test(l))).to.equal(true);
    // the live API at the end: the follower's EIP-4881 snapshot after finality, an empty queue, the contract
    const snap = api["/eth/v1/beacon/deposit_snapshot"]!.data;
    expect(Number(snap.deposit_count)).to.equal(14);
    expect(snap.finalized).to.be.an("array").that.is.not.empty;
    const fin = api["/eth/v1/beacon/states/finalized/finality_checkpoints"]!.data.finalized as { epoch: string };
    expect(Number(fin.epoch)).to.be.at.least(7);
    expect(api["/btc20/v1/activation_queue"]!.data.length).to.equal("0");
    expect(api["/eth/v1/config/deposit_contract"]!.data.chain_id).to.equal("31337");
  });

  it("fails with a reason when the run is too short for the deposits to activate", async () => {
    const r = await runDevnet({
      scenario: "healthy",
      epochs: 5,
      validators: 8,
      restPort: 0,
      mode: "virtual",
      extraDeposits: 2,
      depositEpoch: 1,
      print: () => {},
    });
    expect(r.ok).to.equal(false);
    expect(r.reason).to.match(/not active_ongoing after 5 epochs/);
  });
});
