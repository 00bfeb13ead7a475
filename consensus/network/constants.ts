// phase0 p2p-interface.md "Configuration" and "The gossip domain: gossipsub" values, in one place.

/** MAX_PAYLOAD_SIZE (v1.5.0+; replaces GOSSIP_MAX_SIZE and MAX_CHUNK_SIZE): 10 MiB of uncompressed SSZ */
export const MAX_PAYLOAD_SIZE = 10 * 1024 * 1024;
/** MAX_REQUEST_BLOCKS */
export const MAX_REQUEST_BLOCKS = 1024;
/** ATTESTATION_PROPAGATION_SLOT_RANGE */
export const ATTESTATION_PROPAGATION_SLOT_RANGE = 32;
/** MAXIMUM_GOSSIP_CLOCK_DISPARITY (500 ms) */
export const MAXIMUM_GOSSIP_CLOCK_DISPARITY_MS = 500;
/** MESSAGE_DOMAIN_INVALID_SNAPPY */
export const MESSAGE_DOMAIN_INVALID_SNAPPY = Uint8Array.of(0x00, 0x00, 0x00, 0x00);
/** MESSAGE_DOMAIN_VALID_SNAPPY */
export const MESSAGE_DOMAIN_VALID_SNAPPY = Uint8Array.of(0x01, 0x00, 0x00, 0x00);
/** ATTESTATION_SUBNET_COUNT */
export const ATTESTATION_SUBNET_COUNT = 64;
/** MAX_CONCURRENT_REQUESTS (per protocol ID, per peer) */
export const MAX_CONCURRENT_REQUESTS = 2;
/** TTFB_TIMEOUT (v1.4.0; dropped from the spec in v1.5.0, still what clients use) */
export const TTFB_TIMEOUT_MS = 5_000;
/** RESP_TIMEOUT (v1.4.0) */
export const RESP_TIMEOUT_MS = 10_000;
/** MIN_EPOCHS_FOR_BLOCK_REQUESTS (phase0 mainnet value; compute_min_epochs_for_block_requests) */
export const MIN_EPOCHS_FOR_BLOCK_REQUESTS = 33024;

/** gossipsub v1.1 parameters ("The gossip domain: gossipsub", table of parameters) */
export const GOSSIPSUB_D = 8;
export const GOSSIPSUB_D_LOW = 6;
export const GOSSIPSUB_D_HIGH = 12;
export const GOSSIPSUB_D_LAZY = 6;
export const GOSSIPSUB_HEARTBEAT_INTERVAL_MS = 700;
export const GOSSIPSUB_FANOUT_TTL_MS = 60_000;
export const GOSSIPSUB_MCACHE_LEN = 6;
export const GOSSIPSUB_MCACHE_GOSSIP = 3;

/** max_compressed_len(n): the largest snappy encoding of n bytes ("Configuration", helper). */
export function maxCompressedLen(n: number): number {
  return 32 + n + Math.floor(n / 6);
}

/** max_message_size(): the largest gossipsub RPC a node accepts. */
export function maxMessageSize(): number {
  return Math.max(maxCompressedLen(MAX_PAYLOAD_SIZE) + 1024, 1024 * 1024);
}
