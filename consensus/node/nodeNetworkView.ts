// The API's NetworkView and DebugStateView over the running node: identity and peers from the libp2p network, the
// debug deny list, and full states (SSZ and JSON) from the chain for checkpoint sync.
import type { StateSelector } from "../api/chainView.js";
import type { DebugStateView, NetworkView, PeerView } from "../api/networkView.js";
import type { Libp2pNetwork } from "../network/libp2p/libp2pNetwork.js";
import { MetaData } from "../network/reqresp/types.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import type { BeaconState } from "../types/index.js";
import { allSubnetsMetadata } from "./network/localStatus.js";
import type { NodeChainView } from "./nodeChainView.js";

export class NodeNetworkView implements NetworkView {
  readonly peerId: string;

  constructor(private readonly network: Libp2pNetwork) {
    this.peerId = network.peerId;
  }

  p2pAddresses(): string[] {
    return this.network.addresses;
  }

  metadata(): { seqNumber: bigint; attnets: Uint8Array } {
    const md = allSubnetsMetadata(1n);
    return { seqNumber: md.seqNumber, attnets: MetaData.fields.attnets.serialize(md.attnets) };
  }

  peers(): PeerView[] {
    return this.network.getPeers().map((p) => ({ ...p, state: "connected" as const }));
  }

  setDenied(peerIds: string[]): Promise<string[]> {
    return this.network.setDenied(peerIds);
  }
}

export class NodeDebugStateView implements DebugStateView {
  constructor(
    private readonly cfg: BeaconConfig,
    private readonly view: NodeChainView,
  ) {}

  private state(selector: StateSelector): BeaconState | null {
    return (this.view.getState(selector)?.state as BeaconState | undefined) ?? null;
  }

  stateSsz(selector: StateSelector): Uint8Array | null {
    const s = this.state(selector);
    return s ? this.cfg.types.BeaconState.serialize(s) : null;
  }

  stateJson(selector: StateSelector): unknown {
    const s = this.state(selector);
    return s ? this.cfg.types.BeaconState.toJson(s) : null;
  }
}
