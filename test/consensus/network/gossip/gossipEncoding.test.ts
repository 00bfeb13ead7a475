// Gossip encoding: snappy block format, the phase0 message-id (known answers from the spec's formula), the size
// limits (max_compressed_len, the topic's SSZ bounds read from the preamble before decompressing) and topic strings.
import { sha256 } from "@noble/hashes/sha2.js";
import { expect } from "chai";
import fc from "fast-check";
import snappy from "snappyjs";
import { MAX_PAYLOAD_SIZE, maxCompressedLen, maxMessageSize } from "../../../../consensus/network/constants.js";
import { computeSubnetForAttestation } from "../../../../consensus/network/gossip/computeSubnetForAttestation.js";
import { decodeGossip, encodeGossip } from "../../../../consensus/network/gossip/gossipEncoding.js";
import { computeMessageId, messageIdOfDecompressed } from "../../../../consensus/network/gossip/messageId.js";
import { allTopics, formatTopic, parseTopic } from "../../../../consensus/network/gossip/topics.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "no error";
};

describe("consensus/network/gossip encoding", () => {
  it("max_compressed_len and max_message_size follow the spec's formulas", () => {
    expect(maxCompressedLen(0)).to.equal(32);
    expect(maxCompressedLen(6)).to.equal(39);
    expect(maxCompressedLen(MAX_PAYLOAD_SIZE)).to.equal(32 + 10485760 + 1747626);
    expect(maxMessageSize()).to.equal(32 + 10485760 + 1747626 + 1024);
    // snappy's own worst case never exceeds it (property over incompressible data)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (d) => snappy.compress(d).length <= maxCompressedLen(d.length)),
      { numRuns: 50 },
    );
  });

  it("message-id: SHA256(0x01000000 + decompressed)[:20], or SHA256(0x00000000 + raw)[:20] for invalid snappy", () => {
    const ssz = new TextEncoder().encode("hello");
    const data = encodeGossip(ssz);
    // snappy block of "hello": preamble 5, literal tag (5-1)<<2, bytes
    expect(hex(data)).to.equal(`0510${hex(ssz)}`);
    const valid = computeMessageId(data);
    expect(hex(valid)).to.equal(hex(sha256(Uint8Array.of(1, 0, 0, 0, ...ssz)).subarray(0, 20)));
    // known answer (python: hashlib.sha256(b"\\x01\\x00\\x00\\x00hello").hexdigest()[:40])
    expect(hex(valid)).to.equal("79d62a59d0e47597aeb73cb85ba034c3f67f90e8");
    expect(messageIdOfDecompressed(ssz)).to.deep.equal(valid);
    const junk = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    expect(hex(computeMessageId(junk))).to.equal(hex(sha256(Uint8Array.of(0, 0, 0, 0, ...junk)).subarray(0, 20)));
    expect(hex(computeMessageId(junk))).to.equal("e567d6febb089b8201f82698b7f064d9a0740707");
    expect(computeMessageId(junk)).to.have.length(20);
  });

  it("decodes within the type's bounds and rejects out-of-bounds lengths before decompressing", () => {
    const bounds = { minSize: 4, maxSize: 16 };
    expect(decodeGossip(encodeGossip(Uint8Array.of(1, 2, 3, 4)), bounds)).to.deep.equal(Uint8Array.of(1, 2, 3, 4));
    expect(code(() => decodeGossip(encodeGossip(Uint8Array.of(1, 2, 3)), bounds))).to.equal("SSZ_LENGTH_OUT_OF_BOUNDS");
    expect(code(() => decodeGossip(encodeGossip(new Uint8Array(17)), bounds))).to.equal("SSZ_LENGTH_OUT_OF_BOUNDS");
    // a preamble claiming 2^32 bytes is refused without allocating
    expect(code(() => decodeGossip(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x10, 0), bounds))).to.equal(
      "SSZ_LENGTH_OUT_OF_BOUNDS",
    );
    expect(code(() => decodeGossip(Uint8Array.of(8, 0xff, 0xff), bounds))).to.equal("SNAPPY_INVALID");
  });

  it("formats and parses /eth2/{fork_digest}/{name}/ssz_snappy; unknown topics and other digests are refused", () => {
    const digest = Uint8Array.of(0xde, 0xad, 0xbe, 0xef);
    expect(formatTopic(digest, { name: "beacon_block" })).to.equal("/eth2/deadbeef/beacon_block/ssz_snappy");
    expect(formatTopic(digest, { name: "beacon_attestation", subnet: 63 })).to.equal(
      "/eth2/deadbeef/beacon_attestation_63/ssz_snappy",
    );
    for (const t of allTopics()) expect(parseTopic(digest, formatTopic(digest, t))).to.deep.equal(t);
    expect(allTopics()).to.have.length(5 + 64);
    expect(code(() => parseTopic(digest, "/eth2/deadbeef/beacon_attestation_64/ssz_snappy"))).to.equal("UNKNOWN_TOPIC");
    expect(code(() => parseTopic(digest, "/eth2/deadbeef/beacon_attestation_07/ssz_snappy"))).to.equal("UNKNOWN_TOPIC");
    expect(code(() => parseTopic(digest, "/eth2/deadbeef/sync_committee_0/ssz_snappy"))).to.equal("UNKNOWN_TOPIC");
    expect(code(() => parseTopic(digest, "/eth2/deadbeef/beacon_block/ssz"))).to.equal("UNKNOWN_TOPIC");
    expect(code(() => parseTopic(digest, "/eth2/00000000/beacon_block/ssz_snappy"))).to.equal("WRONG_FORK_DIGEST");
  });

  it("compute_subnet_for_attestation: committees since the epoch start plus the index, mod 64", () => {
    expect(computeSubnetForAttestation(1, 8, 0, 0)).to.equal(0);
    expect(computeSubnetForAttestation(1, 8, 13, 0)).to.equal(5);
    expect(computeSubnetForAttestation(4, 32, 31, 3)).to.equal((4 * 31 + 3) % 64);
    expect(computeSubnetForAttestation(64, 32, 1, 5)).to.equal(5);
  });
});
