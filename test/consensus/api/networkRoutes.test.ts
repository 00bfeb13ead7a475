// /eth/v1/node/{identity,peers,peers/{id},peer_count}, the --debug-api deny route and the SSZ debug state route,
// over a NetworkView / DebugStateView backed by plain values (the node's views are exercised by the process test).
import { expect } from "chai";
import type { ChainView } from "../../../consensus/api/chainView.js";
import type { DebugStateView, NetworkView, PeerView } from "../../../consensus/api/networkView.js";
import { createBeaconApi } from "../../../consensus/api/server.js";

const PEER = "16Uiu2HAmQ5Xg1dDeAH4Tm5Vn1sVYNzAS6qBpoJrtFhNrnDN2ww7y";
const OTHER = "16Uiu2HAm8YzchcHYbWEUaCUrKNBtY8YCzqkzHoyXqAmS4Z2wEuDv";

function net(): NetworkView & { denied: string[] } {
  const peers: PeerView[] = [
    { peerId: PEER, address: "/ip4/127.0.0.1/tcp/9001", state: "connected", direction: "outbound" },
    { peerId: OTHER, address: "/ip4/127.0.0.1/tcp/9002", state: "connected", direction: "inbound" },
  ];
  const n = {
    peerId: "16Uiu2HAkwaaaaself",
    denied: [] as string[],
    p2pAddresses: () => ["/ip4/127.0.0.1/tcp/9000/p2p/16Uiu2HAkwaaaaself"],
    metadata: () => ({ seqNumber: 3n, attnets: new Uint8Array(8).fill(0xff) }),
    peers: () => peers,
    setDenied: async (ids: string[]) => {
      n.denied = ids;
      return ids;
    },
  };
  return n;
}

describe("consensus/api network and debug routes", () => {
  const states: DebugStateView = {
    stateSsz: (sel) => (sel.kind === "finalized" ? Uint8Array.of(1, 2, 3) : null),
    stateJson: (sel) => (sel.kind === "finalized" ? { slot: "8" } : null),
  };

  it("serves identity, peers (filtered), one peer, and the peer count", async () => {
    const app = createBeaconApi({} as ChainView, { network: net() });
    const id = (await app.inject({ url: "/eth/v1/node/identity" })).json().data;
    expect(id.peer_id).to.equal("16Uiu2HAkwaaaaself");
    expect(id.metadata).to.deep.equal({ seq_number: "3", attnets: "0xffffffffffffffff" });
    expect(id.discovery_addresses).to.deep.equal([]);
    const all = (await app.inject({ url: "/eth/v1/node/peers" })).json();
    expect(all.meta.count).to.equal(2);
    const inbound = (await app.inject({ url: "/eth/v1/node/peers?direction=inbound" })).json();
    expect(inbound.data.map((p: { peer_id: string }) => p.peer_id)).to.deep.equal([OTHER]);
    const one = await app.inject({ url: `/eth/v1/node/peers/${PEER}` });
    expect(one.json().data.last_seen_p2p_address).to.equal("/ip4/127.0.0.1/tcp/9001");
    expect((await app.inject({ url: "/eth/v1/node/peers/nobody" })).statusCode).to.equal(404);
    expect((await app.inject({ url: "/eth/v1/node/peer_count" })).json().data).to.deep.equal({
      disconnected: "0",
      connecting: "0",
      connected: "2",
      disconnecting: "0",
    });
  });

  it("serves the deny route only with --debug-api, and checks its body", async () => {
    const n = net();
    const off = createBeaconApi({} as ChainView, { network: n });
    const post = (app: typeof off, body: unknown) =>
      app.inject({ method: "POST", url: "/btc20/v1/debug/network/deny", payload: body as object });
    expect((await post(off, { peer_ids: [] })).statusCode).to.equal(404);
    const on = createBeaconApi({} as ChainView, { network: n, debugApi: true });
    const res = await post(on, { peer_ids: [PEER] });
    expect(res.statusCode, res.body).to.equal(200);
    expect(res.json()).to.deep.equal({ data: { denied: [PEER] } });
    expect(n.denied).to.deep.equal([PEER]);
    expect((await post(on, { peer_ids: ["not a peer id!"] })).statusCode).to.equal(400);
    expect((await post(on, { nope: 1 })).statusCode).to.equal(400);
    expect((await post(on, { peer_ids: [] })).json()).to.deep.equal({ data: { denied: [] } });
  });

  it("serves a state as SSZ with Accept: application/octet-stream, JSON otherwise, 404 when unknown", async () => {
    const app = createBeaconApi({} as ChainView, { debugStates: states });
    const ssz = await app.inject({
      url: "/eth/v2/debug/beacon/states/finalized",
      headers: { accept: "application/octet-stream" },
    });
    expect(ssz.headers["eth-consensus-version"]).to.equal("phase0");
    expect([...ssz.rawPayload]).to.deep.equal([1, 2, 3]);
    const json = (await app.inject({ url: "/eth/v2/debug/beacon/states/finalized" })).json();
    expect(json).to.deep.equal({
      version: "phase0",
      execution_optimistic: false,
      finalized: false,
      data: { slot: "8" },
    });
    expect((await app.inject({ url: "/eth/v2/debug/beacon/states/head" })).statusCode).to.equal(404);
    expect((await app.inject({ url: "/eth/v2/debug/beacon/states/bogus" })).statusCode).to.equal(400);
  });
});
