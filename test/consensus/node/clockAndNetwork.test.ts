import { expect } from "chai";
import { Scheduler } from "../../../consensus/node/clock/scheduler.js";
import { SlotClock } from "../../../consensus/node/clock/slotClock.js";
import { SimNetwork } from "../../../consensus/node/network/simNetwork.js";

describe("consensus/node clock and simulated network", () => {
  it("runs virtual-time events in (time, scheduling) order without waiting", async () => {
    const s = new Scheduler("virtual", 1000);
    const log: string[] = [];
    s.at(1005, () => void log.push("b"));
    s.at(1002, () => {
      log.push("a");
      s.after(3, () => void log.push("a+3")); // same time as b, scheduled later
    });
    s.at(2000, () => void log.push("late"));
    const started = Date.now();
    expect(await s.runUntil(1500)).to.equal(1500);
    expect(log).to.deep.equal(["a", "b", "a+3"]);
    expect(s.pending).to.equal(1);
    expect(Date.now() - started).to.be.lessThan(500);
  });

  it("waits for the wall clock in realtime mode", async () => {
    const s = new Scheduler("realtime");
    const t0 = Date.now() / 1000;
    let ranAt = 0;
    s.at(t0 + 0.15, () => {
      ranAt = Date.now() / 1000;
    });
    await s.runUntil(t0 + 0.2);
    expect(ranAt - t0).to.be.at.least(0.14);
    expect(Date.now() / 1000 - t0).to.be.at.least(0.19);
  });

  it("ticks every interval of every slot (propose, attest, aggregate)", async () => {
    const s = new Scheduler("virtual", 0);
    const clock = new SlotClock(s, 100, 6, 4);
    const seen: string[] = [];
    clock.everyInterval(0, (slot, interval) => void seen.push(`${slot}.${interval}@${s.now()}`));
    await s.runUntil(111);
    expect(seen).to.deep.equal(["0.0@100", "0.1@102", "0.2@104", "1.0@106", "1.1@108", "1.2@110"]);
    expect(clock.slotAt(111.9)).to.equal(1);
    expect(clock.slotAt(50)).to.equal(0);
  });

  it("delivers gossip (SSZ bytes) to subscribers after the latency, holds it across a partition, delivers it on heal", async () => {
    const s = new Scheduler("virtual", 0);
    const net = new SimNetwork(s, { latency: 0.5, jitter: 0.2, seed: 7 });
    const got: Record<string, string[]> = { a: [], b: [], c: [] };
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    for (const id of ["a", "b", "c"]) {
      const ep = net.connect(id);
      for (const topic of [{ name: "beacon_block" }, { name: "beacon_attestation", subnet: 3 }] as const) {
        ep.subscribe(topic, async (m, from, t) => {
          got[id]!.push(`${t.name}:${text(m)}:${from}@${s.now() >= 0.5}`);
          return text(m) === "bad" ? "REJECT" : "ACCEPT";
        });
      }
    }
    const a = net.endpoint("a")!;
    const b = net.endpoint("b")!;
    const bytes = (x: string) => new TextEncoder().encode(x);
    await a.publish({ name: "beacon_block" }, bytes("x"));
    await s.runUntil(0.49);
    expect(got.b).to.deep.equal([]);
    await s.runUntil(1);
    expect(got.b).to.deep.equal(["beacon_block:x:a@true"]);
    expect(got.c).to.deep.equal(["beacon_block:x:a@true"]);
    expect(got.a).to.deep.equal([]);
    // a topic nobody subscribed to reaches nobody
    await a.publish({ name: "voluntary_exit" }, bytes("v"));
    net.partition([["a"], ["b", "c"]]);
    expect(b.getPeers().map((p) => p.peerId)).to.deep.equal(["c"]);
    await a.publish({ name: "beacon_attestation", subnet: 3 }, bytes("y"));
    await b.publish({ name: "beacon_attestation", subnet: 3 }, bytes("z"));
    await s.runUntil(3);
    expect(got.b).to.deep.equal(["beacon_block:x:a@true"]);
    expect(got.c).to.deep.equal(["beacon_block:x:a@true", "beacon_attestation:z:b@true"]);
    net.heal();
    await s.runUntil(5);
    expect(got.b).to.include("beacon_attestation:y:a@true");
    expect(got.a).to.deep.equal(["beacon_attestation:z:b@true"]);
    // a REJECT lowers the sender's score at the receiver
    await b.publish({ name: "beacon_block" }, bytes("bad"));
    await s.runUntil(7);
    expect(a.peerScore("b")).to.be.lessThan(0);
    expect(net.verdicts.REJECT).to.equal(2);
  });

  it("answers requests through the peer's handler, and not across a partition", async () => {
    const s = new Scheduler("virtual", 0);
    const net = new SimNetwork(s);
    const a = net.connect("a");
    const b = net.connect("b");
    b.handle("ping", function* (body, from) {
      yield Uint8Array.of(body[0]! + 1, from.length);
    });
    expect(await a.request("b", "ping", Uint8Array.of(41))).to.deep.equal([Uint8Array.of(42, 1)]);
    net.partition([["a"], ["b"]]);
    let err: unknown = null;
    await a.request("b", "ping", Uint8Array.of(1)).catch((e) => {
      err = e;
    });
    expect((err as { code?: string })?.code).to.equal("NO_PEER");
  });
});
