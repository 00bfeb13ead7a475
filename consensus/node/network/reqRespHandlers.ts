// The node's req/resp handlers (p2p-interface.md "Messages"): status, goodbye, ping, metadata,
// beacon_blocks_by_range (canonical blocks, consecutive, count <= MAX_REQUEST_BLOCKS, step 1) and
// beacon_blocks_by_root (blocks the node has, in request order, unknown roots skipped).
import type { Logger } from "pino";
import { MAX_REQUEST_BLOCKS } from "../../network/constants.js";
import { type Network, ReqRespServerError } from "../../network/network.js";
import { RespCode } from "../../network/reqresp/sszSnappy.js";
import {
  BeaconBlocksByRangeRequest,
  BeaconBlocksByRootRequest,
  Goodbye,
  MetaData,
  type MetaDataValue,
  Ping,
  Status,
} from "../../network/reqresp/types.js";
import type { ChainService } from "../chain/chainService.js";
import { toRootHex } from "../chain/rootHex.js";
import { localStatus } from "./localStatus.js";

export interface ReqRespContext {
  network: Network;
  chain: ChainService;
  forkDigest: Uint8Array;
  metadata: () => MetaDataValue;
  /** a peer sent its Status (request side of the handshake) */
  onPeerStatus?: (peer: string, status: ReturnType<typeof Status.deserialize>) => void;
  onGoodbye?: (peer: string, reason: bigint) => void;
  logger?: Logger;
}

export function registerReqRespHandlers(c: ReqRespContext): void {
  const { network, chain } = c;
  network.handle("status", function* (body, from) {
    c.onPeerStatus?.(from, Status.deserialize(body));
    yield Status.serialize(localStatus(chain, c.forkDigest));
  });
  // goodbye's response is optional: none is sent
  network.handle("goodbye", (body, from) => {
    c.onGoodbye?.(from, Goodbye.deserialize(body));
    return [];
  });
  network.handle("ping", function* () {
    yield Ping.serialize(c.metadata().seqNumber);
  });
  network.handle("metadata", function* () {
    yield MetaData.serialize(c.metadata());
  });
  network.handle("beacon_blocks_by_range", function* (body) {
    const { startSlot, count, step } = BeaconBlocksByRangeRequest.deserialize(body);
    if (count === 0 || count > MAX_REQUEST_BLOCKS) {
      throw new ReqRespServerError(RespCode.INVALID_REQUEST, `count ${count} outside 1..${MAX_REQUEST_BLOCKS}`);
    }
    // step is deprecated: any value other than 1 is answered as step 1 would not be; refuse 0
    if (step !== 1) throw new ReqRespServerError(RespCode.INVALID_REQUEST, `step ${step}: only 1 is served`);
    const end = startSlot + count;
    const roots: string[] = [];
    for (const b of chain.canonicalBlocksBack(startSlot)) if (b.slot < end && b.slot > 0) roots.push(b.root);
    roots.reverse();
    for (const root of roots) {
      const ssz = chain.getBlockSsz(root);
      if (ssz) yield ssz;
    }
  });
  network.handle("beacon_blocks_by_root", function* (body) {
    const roots = BeaconBlocksByRootRequest.deserialize(body);
    for (const root of roots) {
      const ssz = chain.getBlockSsz(toRootHex(root));
      if (ssz) yield ssz;
    }
  });
}
