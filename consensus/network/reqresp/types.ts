// Req/Resp message containers (p2p-interface.md "Messages"): Status, Goodbye, Ping, MetaData,
// BeaconBlocksByRangeRequest, BeaconBlocksByRootRequest, ErrorMessage.
import { BitVectorType, ByteListType, ContainerType, ListCompositeType, type ValueOf } from "@chainsafe/ssz";
import { Bytes4, Root, UintBn64, UintNum64 } from "../../../sdk/ssz/index.js";
import { ATTESTATION_SUBNET_COUNT, MAX_REQUEST_BLOCKS } from "../constants.js";

export const Status = new ContainerType(
  { forkDigest: Bytes4, finalizedRoot: Root, finalizedEpoch: UintNum64, headRoot: Root, headSlot: UintNum64 },
  { typeName: "Status", jsonCase: "eth2" },
);
export type StatusValue = ValueOf<typeof Status>;

/** Goodbye and Ping carry a bare uint64. */
export const Goodbye = UintBn64;
export const Ping = UintBn64;

export const MetaData = new ContainerType(
  { seqNumber: UintBn64, attnets: new BitVectorType(ATTESTATION_SUBNET_COUNT) },
  { typeName: "MetaData", jsonCase: "eth2" },
);
export type MetaDataValue = ValueOf<typeof MetaData>;

export const BeaconBlocksByRangeRequest = new ContainerType(
  { startSlot: UintNum64, count: UintNum64, step: UintNum64 },
  { typeName: "BeaconBlocksByRangeRequest", jsonCase: "eth2" },
);
export type BeaconBlocksByRangeRequestValue = ValueOf<typeof BeaconBlocksByRangeRequest>;

export const BeaconBlocksByRootRequest = new ListCompositeType(Root, MAX_REQUEST_BLOCKS);

/** ErrorMessage: List[byte, 256], utf-8 text */
export const ErrorMessage = new ByteListType(256);

/** Goodbye reason codes ("Goodbye"): 1-3 from the spec, 128+ client-defined. */
export const GoodbyeReason = {
  CLIENT_SHUTDOWN: 1n,
  IRRELEVANT_NETWORK: 2n,
  FAULT_OR_ERROR: 3n,
  /** client-defined: too many peers */
  TOO_MANY_PEERS: 129n,
  /** client-defined: bad score */
  BAD_SCORE: 250n,
  /** client-defined: banned (debug deny list) */
  BANNED: 251n,
} as const;
