// What the Beacon API reads from the node's network (owner p2p): identity, peers, the debug deny list, and full
// states as SSZ for checkpoint sync. Implemented in consensus/node (NodeNetworkView); the API never imports the node.
import type { StateSelector } from "./chainView.js";

export interface PeerView {
  peerId: string;
  address: string;
  state: "connected" | "disconnected" | "connecting" | "disconnecting";
  direction: "inbound" | "outbound";
}

export interface NetworkView {
  peerId: string;
  p2pAddresses(): string[];
  metadata(): { seqNumber: bigint; attnets: Uint8Array };
  peers(): PeerView[];
  /** Replaces the deny list (debug API): these peers are disconnected and refused until the next call. */
  setDenied(peerIds: string[]): Promise<string[]>;
}

/** Full states for /eth/v2/debug/beacon/states/{state_id} (the checkpoint-sync source). */
export interface DebugStateView {
  /** SSZ bytes of the selected state, or null when unknown */
  stateSsz(selector: StateSelector): Uint8Array | null;
  /** the beacon-APIs JSON of the selected state, or null */
  stateJson(selector: StateSelector): unknown;
}
