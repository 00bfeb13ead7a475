// The phase0 gossip message-id (p2p-interface.md "Topics and messages"): the first 20 bytes of
// SHA256(MESSAGE_DOMAIN_VALID_SNAPPY + snappy_decompress(data)) when data decompresses, else
// SHA256(MESSAGE_DOMAIN_INVALID_SNAPPY + data). phase0 does not hash the topic (Altair does).
import { sha256 } from "@noble/hashes/sha2.js";
import snappy from "snappyjs";
import { MAX_PAYLOAD_SIZE, MESSAGE_DOMAIN_INVALID_SNAPPY, MESSAGE_DOMAIN_VALID_SNAPPY } from "../constants.js";
import { isWellFormedSnappyBlock } from "../encoding/snappyBlockCheck.js";

const MESSAGE_ID_BYTES = 20;

function idOf(domain: Uint8Array, data: Uint8Array): Uint8Array {
  const pre = new Uint8Array(domain.length + data.length);
  pre.set(domain, 0);
  pre.set(data, domain.length);
  return sha256(pre).subarray(0, MESSAGE_ID_BYTES);
}

/** message-id of a gossip message from its wire bytes (snappy block format). */
export function computeMessageId(data: Uint8Array): Uint8Array {
  let decompressed: Uint8Array;
  if (!isWellFormedSnappyBlock(data)) return idOf(MESSAGE_DOMAIN_INVALID_SNAPPY, data);
  try {
    decompressed = snappy.uncompress(data, MAX_PAYLOAD_SIZE);
  } catch {
    return idOf(MESSAGE_DOMAIN_INVALID_SNAPPY, data);
  }
  return idOf(MESSAGE_DOMAIN_VALID_SNAPPY, decompressed);
}

/** message-id of a message already decompressed (gossipsub computes ids after the inbound transform). */
export function messageIdOfDecompressed(decompressed: Uint8Array): Uint8Array {
  return idOf(MESSAGE_DOMAIN_VALID_SNAPPY, decompressed);
}
