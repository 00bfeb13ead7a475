import { expect } from "chai";
import { AdaptiveBlockRange, FollowerError, redactUrl } from "../../../consensus/follower/index.js";
import { classifyRpcError } from "../../../consensus/follower/rpcErrors.js";

describe("consensus/follower RPC policy", () => {
  it("classifies the usual endpoint refusals", () => {
    const rpc = (message: string, code = -32000) =>
      Object.assign(new Error("could not coalesce error"), { error: { code, message } });
    expect(classifyRpcError(rpc("query returned more than 10000 results"))).to.equal("rangeTooLarge");
    expect(
      classifyRpcError(
        rpc("Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"),
      ),
    ).to.equal("rangeTooLarge");
    expect(classifyRpcError(rpc("block range is too wide"))).to.equal("rangeTooLarge");
    expect(classifyRpcError(Object.assign(new Error("server response 429 Too Many Requests"), {}))).to.equal(
      "rateLimited",
    );
    expect(classifyRpcError(new FollowerError("RPC_TIMEOUT", "no answer"))).to.equal("timeout");
    expect(classifyRpcError(new Error("socket hang up"))).to.equal("transient");
  });

  it("adaptive block range halves on refusal down to the minimum and grows by half after three successes", () => {
    const r = new AdaptiveBlockRange(10, 1000, 1000);
    expect(r.shrink()).to.equal(true);
    expect(r.size).to.equal(500);
    for (let i = 0; i < 10; i++) r.shrink();
    expect(r.size).to.equal(10);
    expect(r.shrink()).to.equal(false);
    r.success();
    r.success();
    expect(r.size).to.equal(10);
    r.success();
    expect(r.size).to.equal(15);
    for (let i = 0; i < 60; i++) r.success();
    expect(r.size).to.equal(1000);
  });

  it("never puts an endpoint's credentials or API key into logs", () => {
    expect(redactUrl("https://user:secret@rpc.example.org/v3/0123456789abcdef?key=zzz")).to.equal(
      "https://rpc.example.org/…",
    );
    expect(redactUrl("http://127.0.0.1:8545")).to.equal("http://127.0.0.1:8545");
  });
});
