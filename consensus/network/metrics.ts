// Network metrics on the node's prom-client registry (consensus/api/metrics.ts): peers, gossip in/out/rejected per
// topic, req/resp per method and outcome, and sync progress.
import { Counter, Gauge, type Registry } from "prom-client";

export interface NetworkMetrics {
  peers: Gauge;
  /** gossip messages received, by topic name and validation verdict (ACCEPT, IGNORE, REJECT) */
  gossipIn: Counter<"topic" | "result">;
  /** gossip messages published by this node, by topic name */
  gossipOut: Counter<"topic">;
  /** gossip messages refused before validation (bad snappy, size), by topic name and reason */
  gossipDecodeErrors: Counter<"topic" | "reason">;
  /** gossip messages dropped because the topic's queue was full */
  gossipQueueDropped: Counter<"topic">;
  /** req/resp requests, by method, direction (inbound, outbound) and result (success or an error code) */
  reqresp: Counter<"method" | "direction" | "result">;
  /** peer score penalties reported by the node, by action */
  peerPenalties: Counter<"action">;
  /** blocks imported by range sync and by-root lookups */
  syncBlocks: Counter<"source">;
  /** 1 while the node is range-syncing */
  syncing: Gauge;
}

export function createNetworkMetrics(registry: Registry): NetworkMetrics {
  const registers = [registry];
  return {
    peers: new Gauge({ name: "libp2p_peers", help: "Connected libp2p peers", registers }),
    gossipIn: new Counter({
      name: "btc20_gossip_messages_received_total",
      help: "Gossip messages received, by topic and validation result",
      labelNames: ["topic", "result"] as const,
      registers,
    }),
    gossipOut: new Counter({
      name: "btc20_gossip_messages_published_total",
      help: "Gossip messages published by this node, by topic",
      labelNames: ["topic"] as const,
      registers,
    }),
    gossipDecodeErrors: new Counter({
      name: "btc20_gossip_decode_errors_total",
      help: "Gossip messages refused before validation (snappy, size, topic), by topic and reason",
      labelNames: ["topic", "reason"] as const,
      registers,
    }),
    gossipQueueDropped: new Counter({
      name: "btc20_gossip_queue_dropped_total",
      help: "Gossip messages ignored because the topic's validation queue was full",
      labelNames: ["topic"] as const,
      registers,
    }),
    reqresp: new Counter({
      name: "btc20_reqresp_requests_total",
      help: "Req/resp requests, by method, direction and result",
      labelNames: ["method", "direction", "result"] as const,
      registers,
    }),
    peerPenalties: new Counter({
      name: "btc20_peer_penalties_total",
      help: "Peer score penalties applied by the node, by action",
      labelNames: ["action"] as const,
      registers,
    }),
    syncBlocks: new Counter({
      name: "btc20_sync_blocks_imported_total",
      help: "Blocks imported by sync, by source (range, by_root)",
      labelNames: ["source"] as const,
      registers,
    }),
    syncing: new Gauge({ name: "btc20_sync_is_syncing", help: "1 while range-syncing", registers }),
  };
}
