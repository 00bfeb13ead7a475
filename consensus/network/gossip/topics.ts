// Gossip topics (p2p-interface.md "Topics and messages"): `/eth2/{fork_digest}/{name}/ssz_snappy`, the fork
// digest as lowercase hex without 0x. `beacon_attestation_{subnet_id}` has one topic per subnet.
import type { Type } from "@chainsafe/ssz";
import type { Phase0Types } from "../../types/index.js";
import { ATTESTATION_SUBNET_COUNT } from "../constants.js";
import { NetworkError } from "../errors.js";

export type GossipTopicName =
  | "beacon_block"
  | "beacon_aggregate_and_proof"
  | "beacon_attestation"
  | "voluntary_exit"
  | "proposer_slashing"
  | "attester_slashing";

export const GOSSIP_TOPIC_NAMES: readonly GossipTopicName[] = [
  "beacon_block",
  "beacon_aggregate_and_proof",
  "beacon_attestation",
  "voluntary_exit",
  "proposer_slashing",
  "attester_slashing",
];

export type GossipTopic =
  | { name: Exclude<GossipTopicName, "beacon_attestation"> }
  | { name: "beacon_attestation"; subnet: number };

const ENCODING = "ssz_snappy";

/** The topic's name segment (`beacon_attestation_7`). */
export function topicLabel(topic: GossipTopic): string {
  return topic.name === "beacon_attestation" ? `beacon_attestation_${topic.subnet}` : topic.name;
}

export function formatTopic(forkDigest: Uint8Array, topic: GossipTopic): string {
  return `/eth2/${Buffer.from(forkDigest).toString("hex")}/${topicLabel(topic)}/${ENCODING}`;
}

/** Parses a topic string; unknown names, encodings and other fork digests are errors (the spec: reject). */
export function parseTopic(forkDigest: Uint8Array, topic: string): GossipTopic {
  const parts = topic.split("/");
  if (parts.length !== 5 || parts[0] !== "" || parts[1] !== "eth2" || parts[4] !== ENCODING) {
    throw new NetworkError("UNKNOWN_TOPIC", `not an eth2 ${ENCODING} topic: ${topic}`);
  }
  if (parts[2] !== Buffer.from(forkDigest).toString("hex")) {
    throw new NetworkError("WRONG_FORK_DIGEST", `topic ${topic} is for fork digest ${parts[2]}`);
  }
  const name = parts[3]!;
  const m = /^beacon_attestation_(\d{1,2})$/.exec(name);
  if (m) {
    const subnet = Number(m[1]);
    if (subnet >= ATTESTATION_SUBNET_COUNT || String(subnet) !== m[1]) {
      throw new NetworkError("UNKNOWN_TOPIC", `attestation subnet ${m[1]} outside 0..${ATTESTATION_SUBNET_COUNT - 1}`);
    }
    return { name: "beacon_attestation", subnet };
  }
  if (name === "beacon_attestation" || !(GOSSIP_TOPIC_NAMES as readonly string[]).includes(name)) {
    throw new NetworkError("UNKNOWN_TOPIC", `unknown gossip topic name ${name}`);
  }
  return { name: name as Exclude<GossipTopicName, "beacon_attestation"> };
}

/** Every topic a node on a small network subscribes to: the five global topics and all 64 attestation subnets. */
export function allTopics(): GossipTopic[] {
  const out: GossipTopic[] = [];
  for (const name of GOSSIP_TOPIC_NAMES) {
    if (name === "beacon_attestation") {
      for (let subnet = 0; subnet < ATTESTATION_SUBNET_COUNT; subnet++) out.push({ name, subnet });
    } else {
      out.push({ name });
    }
  }
  return out;
}

/** The SSZ type a topic carries ("Global topics", "Attestation subnets"). */
export function topicType(types: Phase0Types, name: GossipTopicName): Type<unknown> {
  switch (name) {
    case "beacon_block":
      return types.SignedBeaconBlock as Type<unknown>;
    case "beacon_aggregate_and_proof":
      return types.SignedAggregateAndProof as Type<unknown>;
    case "beacon_attestation":
      return types.Attestation as Type<unknown>;
    case "voluntary_exit":
      return types.SignedVoluntaryExit as Type<unknown>;
    case "proposer_slashing":
      return types.ProposerSlashing as Type<unknown>;
    case "attester_slashing":
      return types.AttesterSlashing as Type<unknown>;
  }
}
