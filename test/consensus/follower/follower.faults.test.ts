import { expect } from "chai";
import { FollowerError } from "../../../consensus/follower/index.js";
import { sendBatch, sendDeposit, signedDeposit, testKey } from "./support/deposits.js";
import { type FaultProxy, type RpcRequest, startFaultProxy } from "./support/faultProxy.js";
import { FOLLOW_DISTANCE, openFollower, tempDataDir } from "./support/followerHarness.js";
import { type LocalChain, startLocalChain } from "./support/localChain.js";

const FULL = 1_000_000_000_000;
const keys = Array.from({ length: 10 }, (_, i) => testKey(`faults-${i}`));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

type Log = { data: string; topics: string[]; removed?: boolean };
const logsOf = (result: unknown) => result as Log[];
const span = (r: Pick<RpcRequest, "params">) => {
  const f = r.params[0] as { fromBlock: string; toBlock: string };
  return Number(f.toBlock) - Number(f.fromBlock) + 1;
};

async function expectFollowerError(p: Promise<unknown>, code: string): Promise<FollowerError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(FollowerError);
    expect((e as FollowerError).code).to.equal(code);
    return e as FollowerError;
  }
  return expect.fail(`expected ${code}`);
}

describe("consensus/follower through a fault-injecting proxy", function () {
  this.timeout(60_000);
  let chain: LocalChain;
  let proxy: FaultProxy;
  const data = tempDataDir();
  let n = 0;
  const follow = (opts: Parameters<typeof openFollower>[2] = {}) =>
    openFollower(chain, `${data.dir}/${n++}`, { ...opts, provider: { urls: [proxy.url], ...opts.provider } });

  before(async () => {
    chain = await startLocalChain();
    // 10 deposits over 6 blocks: 4 singles and two batches of 3
    for (const k of keys.slice(0, 4)) await sendDeposit(chain.contract, signedDeposit(k, FULL));
    await sendBatch(
      chain.contract,
      keys.slice(4, 7).map((k) => signedDeposit(k, FULL)),
    );
    await chain.mine(5);
    await sendBatch(
      chain.contract,
      keys.slice(7, 10).map((k) => signedDeposit(k, FULL)),
    );
    await chain.mine(FOLLOW_DISTANCE + 20);
    proxy = await startFaultProxy(chain.url);
  });
  afterEach(() => proxy.setRule(null));
  after(async () => {
    await proxy?.close();
    await chain?.close();
    data.remove();
  });

  async function expectComplete(h: ReturnType<typeof follow>) {
    await h.follower.syncToHead();
    expect(h.follower.depositCount).to.equal(10);
    expect(h.store.getDeposits(0, 100).map((d) => d.index)).to.deep.equal([...Array(10).keys()]);
    const root = await chain.contract.get_deposit_root();
    expect(`0x${hex(h.follower.depositRoot())}`).to.equal(root);
  }

  it("backs off on HTTP 429 and completes", async () => {
    let limited = 0;
    proxy.setRule((r) => (r.method !== "eth_chainId" && limited++ < 4 ? { kind: "status", status: 429 } : null));
    const h = follow();
    try {
      await expectComplete(h);
      expect(proxy.log.filter((l) => l.fault === "status").length).to.equal(4);
    } finally {
      await h.close();
    }
  });

  it("shrinks eth_getLogs ranges on 'query returned more than 10000 results', then grows them again", async () => {
    proxy.log.length = 0;
    proxy.setRule((r) =>
      r.method === "eth_getLogs" && span(r) > 4
        ? { kind: "rpcError", code: -32005, message: "query returned more than 10000 results" }
        : null,
    );
    const h = follow({ follower: { logsBlockRange: { min: 1, max: 64, initial: 64 } } });
    try {
      await expectComplete(h);
      const spans = proxy.log.filter((l) => l.method === "eth_getLogs").map((l) => span(l));
      expect(spans[0]).to.be.greaterThan(4); // the whole available span at first
      expect(Math.max(...spans.slice(spans.findIndex((s) => s <= 4)))).to.be.greaterThan(4); // grew and got refused again
      expect(spans.filter((s) => s <= 4).length).to.be.greaterThan(3);
    } finally {
      await h.close();
    }
  });

  it("survives dropped connections, truncated bodies, 500s and answers slower than the request timeout", async () => {
    const faults = [
      { kind: "drop" },
      { kind: "truncate" },
      { kind: "status", status: 500 },
      { kind: "delay", ms: 400 },
    ] as const;
    // every other request fails, cycling through the faults, 12 faults in all
    let seen = 0;
    let i = 0;
    proxy.setRule((r) =>
      r.method !== "eth_chainId" && seen++ % 2 === 0 && i < 12 ? faults[i++ % faults.length] : null,
    );
    const h = follow({
      provider: { requestTimeoutMs: 200 },
      follower: { logsBlockRange: { min: 1, max: 8, initial: 8 } },
    });
    try {
      await expectComplete(h);
      expect(i).to.equal(12);
    } finally {
      await h.close();
    }
  });

  it("falls back to a second endpoint when the first keeps failing", async () => {
    proxy.setRule(() => ({ kind: "status", status: 500 }));
    const h = follow({ provider: { urls: [proxy.url, chain.url] } });
    try {
      await expectComplete(h);
    } finally {
      await h.close();
    }
  });

  it("malformed log data: MALFORMED_DEPOSIT_LOG naming the log, and nothing of the batch is stored", async () => {
    const corruptions: ((l: Log) => void)[] = [
      (l) => {
        l.data = l.data.slice(0, -64); // 575 bytes... minus 32: too short
      },
      (l) => {
        l.data = `${l.data.slice(0, 2 + 63 * 1)}1${l.data.slice(2 + 64)}`; // first offset 0xa0 -> 0xa1
      },
      (l) => {
        l.data = `${l.data.slice(0, 2 + 2 * 256)}${"00".repeat(31)}31${l.data.slice(2 + 2 * 288)}`; // pubkey length 49
      },
      (l) => {
        l.data = `${l.data.slice(0, -2)}01`; // index padding not zero
      },
    ];
    for (const corrupt of corruptions) {
      proxy.setRule((r) =>
        r.method === "eth_getLogs"
          ? {
              kind: "rewrite",
              result: (res) => {
                const logs = logsOf(res);
                if (logs.length > 1) corrupt(logs[1]);
                return logs;
              },
            }
          : null,
      );
      const h = follow();
      try {
        const e = await expectFollowerError(h.follower.syncToHead(), "MALFORMED_DEPOSIT_LOG");
        expect(e.message).to.match(/block \d+ tx 0x[0-9a-f]{64} log \d+/);
        expect(h.follower.depositCount).to.equal(0);
        expect(h.store.getCursor()).to.equal(null);
        expect(h.store.nextDepositIndex()).to.equal(0);
      } finally {
        await h.close();
      }
    }
  });

  it("a missing deposit halts with DEPOSIT_INDEX_GAP naming block and index; a changed one with DEPOSIT_CONFLICT", async () => {
    proxy.setRule((r) =>
      r.method === "eth_getLogs" ? { kind: "rewrite", result: (res) => logsOf(res).filter((_, i) => i !== 2) } : null,
    );
    let h = follow();
    try {
      const e = await expectFollowerError(h.follower.syncToHead(), "DEPOSIT_INDEX_GAP");
      expect(e.message).to.match(/block \d+: deposit index 3, expected 2/);
      expect(h.store.nextDepositIndex()).to.equal(0);
    } finally {
      await h.close();
    }
    // the same log twice is harmless; the same index with other content is not
    proxy.setRule((r) =>
      r.method === "eth_getLogs" ? { kind: "rewrite", result: (res) => [...logsOf(res), ...logsOf(res)] } : null,
    );
    h = follow();
    try {
      await expectComplete(h);
    } finally {
      await h.close();
    }
    proxy.setRule((r) =>
      r.method === "eth_getLogs"
        ? {
            kind: "rewrite",
            result: (res) => {
              const logs = logsOf(res);
              if (logs.length < 2) return logs;
              const twin = {
                ...logs[1],
                data: `${logs[1].data.slice(0, 2 + 2 * 160 + 64 + 2)}ff${logs[1].data.slice(2 + 2 * 160 + 64 + 4)}`,
              };
              return [...logs, twin];
            },
          }
        : null,
    );
    h = follow();
    try {
      const e = await expectFollowerError(h.follower.syncToHead(), "DEPOSIT_CONFLICT");
      expect(e.message).to.match(/block \d+: deposit index 1 already holds a different deposit/);
    } finally {
      await h.close();
    }
  });

  it("a lying contract state (eth_call) halts with DEPOSIT_ROOT_MISMATCH and stores nothing", async () => {
    proxy.setRule((r) =>
      r.method === "eth_call" && (r.params[0] as { data: string }).data === "0xc5f2892f"
        ? { kind: "rewrite", result: () => `0x${"11".repeat(32)}` }
        : null,
    );
    const h = follow();
    try {
      await expectFollowerError(h.follower.syncToHead(), "DEPOSIT_ROOT_MISMATCH");
      expect(h.store.nextDepositIndex()).to.equal(0);
      expect(h.follower.depositCount).to.equal(0);
    } finally {
      await h.close();
    }
  });

  it("logs flagged `removed` are not stored; the follower re-reads and completes", async () => {
    let flagged = 0;
    proxy.setRule((r) =>
      r.method === "eth_getLogs" && flagged < 2
        ? {
            kind: "rewrite",
            result: (res) => {
              const logs = logsOf(res);
              if (logs.length > 0) {
                flagged++;
                logs[0].removed = true;
              }
              return logs;
            },
          }
        : null,
    );
    const h = follow();
    try {
      const step = await h.follower.syncStep();
      expect(step.reorg).to.equal(true);
      expect(h.follower.depositCount).to.equal(0);
      await expectComplete(h);
    } finally {
      await h.close();
    }
  });
});
