// Req/Resp protocol ids and the SSZ bounds of each request and response (p2p-interface.md "The Req/Resp domain").
// All phase0 methods are version 1 with the ssz_snappy encoding and no context bytes.
import type { Type } from "@chainsafe/ssz";
import type { Phase0Types } from "../../types/index.js";
import { MAX_PAYLOAD_SIZE, MAX_REQUEST_BLOCKS } from "../constants.js";
import type { SszBounds } from "../gossip/gossipEncoding.js";
import { BeaconBlocksByRangeRequest, BeaconBlocksByRootRequest, Goodbye, MetaData, Ping, Status } from "./types.js";

export type ReqRespMethod =
  | "status"
  | "goodbye"
  | "ping"
  | "metadata"
  | "beacon_blocks_by_range"
  | "beacon_blocks_by_root";

export const REQRESP_METHODS: readonly ReqRespMethod[] = [
  "status",
  "goodbye",
  "ping",
  "metadata",
  "beacon_blocks_by_range",
  "beacon_blocks_by_root",
];

export interface ProtocolSpec {
  method: ReqRespMethod;
  /** null: the request has no body (metadata) */
  request: SszBounds | null;
  response: SszBounds;
  /** most response chunks a peer may send */
  maxResponseChunks: number;
}

const bounds = (t: Type<unknown>): SszBounds => ({
  minSize: t.minSize,
  maxSize: Math.min(t.maxSize, MAX_PAYLOAD_SIZE),
});

export function protocolId(method: ReqRespMethod): string {
  return `/eth2/beacon_chain/req/${method}/1/ssz_snappy`;
}

export function protocolSpecs(types: Phase0Types): Record<ReqRespMethod, ProtocolSpec> {
  const block = bounds(types.SignedBeaconBlock as Type<unknown>);
  return {
    status: { method: "status", request: bounds(Status), response: bounds(Status), maxResponseChunks: 1 },
    goodbye: { method: "goodbye", request: bounds(Goodbye), response: bounds(Goodbye), maxResponseChunks: 1 },
    ping: { method: "ping", request: bounds(Ping), response: bounds(Ping), maxResponseChunks: 1 },
    metadata: { method: "metadata", request: null, response: bounds(MetaData), maxResponseChunks: 1 },
    beacon_blocks_by_range: {
      method: "beacon_blocks_by_range",
      request: bounds(BeaconBlocksByRangeRequest),
      response: block,
      maxResponseChunks: MAX_REQUEST_BLOCKS,
    },
    beacon_blocks_by_root: {
      method: "beacon_blocks_by_root",
      request: bounds(BeaconBlocksByRootRequest),
      response: block,
      maxResponseChunks: MAX_REQUEST_BLOCKS,
    },
  };
}
