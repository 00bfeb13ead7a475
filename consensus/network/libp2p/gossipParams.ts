// gossipsub configuration for the eth2 network (p2p-interface.md "The gossip domain: gossipsub"): the spec's mesh
// parameters, StrictNoSign, no floodsub fallback, seen_ttl of two epochs, and peer-score parameters so a REJECT costs
// the sender (v1.1 scoring is left to clients by the spec; weights follow Lighthouse/Lodestar: blocks and
// aggregates 0.5, each attestation subnet 1/64, exits and slashings 0.05).
import type { GossipsubOpts } from "@libp2p/gossipsub";
import { createPeerScoreParams, createTopicScoreParams, type TopicScoreParams } from "@libp2p/gossipsub/score";
import {
  GOSSIPSUB_D,
  GOSSIPSUB_D_HIGH,
  GOSSIPSUB_D_LAZY,
  GOSSIPSUB_D_LOW,
  GOSSIPSUB_FANOUT_TTL_MS,
  GOSSIPSUB_HEARTBEAT_INTERVAL_MS,
  GOSSIPSUB_MCACHE_GOSSIP,
  GOSSIPSUB_MCACHE_LEN,
} from "../constants.js";
import { allTopics, formatTopic, type GossipTopicName } from "../gossip/topics.js";

const TOPIC_WEIGHT: Record<GossipTopicName, number> = {
  beacon_block: 0.5,
  beacon_aggregate_and_proof: 0.5,
  beacon_attestation: 1 / 64,
  voluntary_exit: 0.05,
  proposer_slashing: 0.05,
  attester_slashing: 0.05,
};

/** Score of one topic: only invalid deliveries are penalized (mesh-delivery rules need a large network). */
function topicScore(name: GossipTopicName): TopicScoreParams {
  return createTopicScoreParams({
    topicWeight: TOPIC_WEIGHT[name],
    timeInMeshWeight: 0.03333,
    timeInMeshQuantum: 12_000,
    timeInMeshCap: 300,
    firstMessageDeliveriesWeight: 1,
    firstMessageDeliveriesDecay: 0.99,
    firstMessageDeliveriesCap: 20,
    meshMessageDeliveriesWeight: 0,
    meshFailurePenaltyWeight: 0,
    invalidMessageDeliveriesWeight: -400 / TOPIC_WEIGHT[name],
    invalidMessageDeliveriesDecay: 0.99,
  });
}

export function gossipsubOptions(
  forkDigest: Uint8Array,
  slotDurationMs: number,
  slotsPerEpoch: number,
  appScore: (peer: string) => number,
): Partial<GossipsubOpts> {
  const topics: Record<string, TopicScoreParams> = {};
  for (const t of allTopics()) topics[formatTopic(forkDigest, t)] = topicScore(t.name);
  return {
    globalSignaturePolicy: "StrictNoSign",
    fallbackToFloodsub: false,
    D: GOSSIPSUB_D,
    Dlo: GOSSIPSUB_D_LOW,
    Dhi: GOSSIPSUB_D_HIGH,
    Dlazy: GOSSIPSUB_D_LAZY,
    heartbeatInterval: GOSSIPSUB_HEARTBEAT_INTERVAL_MS,
    fanoutTTL: GOSSIPSUB_FANOUT_TTL_MS,
    mcacheLength: GOSSIPSUB_MCACHE_LEN,
    mcacheGossip: GOSSIPSUB_MCACHE_GOSSIP,
    // seen_ttl = SLOT_DURATION_MS * SLOTS_PER_EPOCH * 2
    seenTTL: slotDurationMs * slotsPerEpoch * 2,
    asyncValidation: false,
    allowPublishToZeroTopicPeers: true,
    ignoreDuplicatePublishError: true,
    // an eth2 node subscribes to the known topics only
    allowedTopics: Object.keys(topics),
    scoreParams: createPeerScoreParams({
      topics,
      topicScoreCap: 50,
      appSpecificScore: appScore,
      appSpecificWeight: 1,
      // every devnet node shares 127.0.0.1: no IP colocation penalty
      IPColocationFactorWeight: 0,
      decayInterval: 12_000,
      decayToZero: 0.01,
      retainScore: 100 * 12_000,
    }),
    scoreThresholds: {
      gossipThreshold: -4000,
      publishThreshold: -8000,
      graylistThreshold: -16000,
      acceptPXThreshold: 100,
      opportunisticGraftThreshold: 5,
    },
  };
}
