// The node's Status and MetaData (p2p-interface.md "Status", "MetaData") from its chain.
import { BitArray } from "@chainsafe/ssz";
import { ATTESTATION_SUBNET_COUNT } from "../../network/constants.js";
import type { MetaDataValue, StatusValue } from "../../network/reqresp/types.js";
import { computeForkDigest } from "../../state-transition/misc/computeForkDigest.js";
import type { ChainService } from "../chain/chainService.js";
import { fromRootHex } from "../chain/rootHex.js";

export function forkDigestOf(chain: ChainService): Uint8Array {
  return computeForkDigest(chain.cfg.GENESIS_FORK_VERSION, chain.genesisState.genesisValidatorsRoot);
}

/**
 * Status: fork digest, the head state's finalized checkpoint (zero root for genesis, as the spec says), the head
 * block root and slot.
 */
export function localStatus(chain: ChainService, forkDigest: Uint8Array): StatusValue {
  const head = chain.headState();
  return {
    forkDigest,
    finalizedRoot: head.finalizedCheckpoint.root,
    finalizedEpoch: head.finalizedCheckpoint.epoch,
    headRoot: fromRootHex(chain.headRoot),
    headSlot: head.slot,
  };
}

/** MetaData of a node subscribed to every attestation subnet (small networks). */
export function allSubnetsMetadata(seqNumber: bigint): MetaDataValue {
  const attnets = BitArray.fromBitLen(ATTESTATION_SUBNET_COUNT);
  for (let i = 0; i < ATTESTATION_SUBNET_COUNT; i++) attnets.set(i, true);
  return { seqNumber, attnets };
}
