// /eth/v1/node/{identity, peers, peers/{peer_id}, peer_count} (beacon-APIs "Node" namespace), from the NetworkView.
import type { FastifyInstance } from "fastify";
import { notFound } from "../errors.js";
import { toHex, toUint } from "../json.js";
import type { NetworkView, PeerView } from "../networkView.js";
import { queryList } from "../stateId.js";

const peerJson = (p: PeerView) => ({
  peer_id: p.peerId,
  enr: null,
  last_seen_p2p_address: p.address,
  state: p.state,
  direction: p.direction,
});

export function registerPeerRoutes(app: FastifyInstance, net: NetworkView): void {
  app.get("/eth/v1/node/identity", async () => {
    const md = net.metadata();
    return {
      data: {
        peer_id: net.peerId,
        enr: "",
        p2p_addresses: net.p2pAddresses(),
        discovery_addresses: [],
        metadata: { seq_number: toUint(md.seqNumber), attnets: toHex(md.attnets) },
      },
    };
  });

  app.get<{ Querystring: Record<string, string | string[]> }>("/eth/v1/node/peers", async (req) => {
    const states = queryList(req.query.state);
    const directions = queryList(req.query.direction);
    const data = net
      .peers()
      .filter(
        (p) =>
          (states.length === 0 || states.includes(p.state)) &&
          (directions.length === 0 || directions.includes(p.direction)),
      )
      .map(peerJson);
    return { data, meta: { count: data.length } };
  });

  app.get<{ Params: { peer_id: string } }>("/eth/v1/node/peers/:peer_id", async (req) => {
    const p = net.peers().find((x) => x.peerId === req.params.peer_id);
    if (!p) throw notFound("PEER_NOT_FOUND", `Peer not found: ${req.params.peer_id}`);
    return { data: peerJson(p) };
  });

  app.get("/eth/v1/node/peer_count", async () => {
    const count = (s: PeerView["state"]) => toUint(net.peers().filter((p) => p.state === s).length);
    return {
      data: {
        disconnected: count("disconnected"),
        connecting: count("connecting"),
        connected: count("connected"),
        disconnecting: count("disconnecting"),
      },
    };
  });
}
