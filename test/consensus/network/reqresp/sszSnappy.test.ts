// The ssz_snappy req/resp codec: round trips of requests and multi-chunk responses fed byte by byte or whole
// (property), error chunks, and every header check of "SSZ-snappy encoding strategy" (varint length, SSZ bounds,
// max_compressed_len, early EOF, trailing bytes).
import { expect } from "chai";
import fc from "fast-check";
import { encode as encodeVarint } from "uint8-varint";
import { encodeSnappyFrames } from "../../../../consensus/network/encoding/snappyFrames.js";
import { protocolId, protocolSpecs } from "../../../../consensus/network/reqresp/protocols.js";
import {
  decodeRequest,
  encodeErrorChunk,
  encodeRequest,
  encodeResponseChunk,
  errorMessageText,
  SszSnappyDecoder,
} from "../../../../consensus/network/reqresp/sszSnappy.js";
import { Status } from "../../../../consensus/network/reqresp/types.js";
import { createDevnetConfig } from "../../../../consensus/node/config/devnetParams.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "no error";
};
const cat = (...a: Uint8Array[]) => Uint8Array.from(a.flatMap((x) => [...x]));

describe("consensus/network/reqresp ssz_snappy codec", () => {
  const cfg = createDevnetConfig();
  const specs = protocolSpecs(cfg.types);

  it("protocol ids and bounds come from the spec and the SSZ types", () => {
    expect(protocolId("beacon_blocks_by_range")).to.equal("/eth2/beacon_chain/req/beacon_blocks_by_range/1/ssz_snappy");
    expect(specs.status.request).to.deep.equal({ minSize: 84, maxSize: 84 });
    expect(specs.metadata.request).to.equal(null);
    expect(specs.metadata.response).to.deep.equal({ minSize: 16, maxSize: 16 });
    expect(specs.beacon_blocks_by_range.request).to.deep.equal({ minSize: 24, maxSize: 24 });
    expect(specs.beacon_blocks_by_root.request).to.deep.equal({ minSize: 0, maxSize: 32 * 1024 });
    expect(specs.beacon_blocks_by_range.response).to.deep.equal({
      minSize: cfg.types.SignedBeaconBlock.minSize,
      maxSize: Math.min(cfg.types.SignedBeaconBlock.maxSize, 10 * 1024 * 1024),
    });
  });

  it("round-trips requests and responses, whole or split at any byte (property)", () => {
    const bounds = { minSize: 0, maxSize: 200_000 };
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 70_000 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (payloads, cutSeed) => {
          const req = encodeRequest(payloads[0]!);
          expect(decodeRequest(req, bounds)).to.deep.equal(payloads[0]);
          const wire = cat(...payloads.map((p) => encodeResponseChunk(0, p)));
          const cut = cutSeed % (wire.length + 1);
          const dec = new SszSnappyDecoder(true, bounds);
          const got = [...dec.push(wire.subarray(0, cut)), ...dec.push(wire.subarray(cut))];
          dec.end();
          expect(got.map((c) => c.ssz)).to.deep.equal(payloads);
          expect(got.every((c) => c.result === 0)).to.equal(true);
        },
      ),
      { numRuns: 30 },
    );
    // byte by byte
    const status = Status.serialize({
      forkDigest: Uint8Array.of(1, 2, 3, 4),
      finalizedRoot: new Uint8Array(32).fill(5),
      finalizedEpoch: 7,
      headRoot: new Uint8Array(32).fill(6),
      headSlot: 99,
    });
    const wire = encodeResponseChunk(0, status);
    const dec = new SszSnappyDecoder(true, specs.status.response);
    const got = [];
    for (const b of wire) got.push(...dec.push(Uint8Array.of(b)));
    dec.end();
    expect(got).to.have.length(1);
    expect(Status.deserialize(got[0]!.ssz).headSlot).to.equal(99);
  });

  it("carries error chunks with their result code and ErrorMessage text", () => {
    const dec = new SszSnappyDecoder(true, specs.status.response);
    const [chunk] = dec.push(encodeErrorChunk(1, "count > MAX_REQUEST_BLOCKS"));
    expect(chunk!.result).to.equal(1);
    expect(errorMessageText(chunk!.ssz)).to.equal("count > MAX_REQUEST_BLOCKS");
  });

  it("rejects a length outside the type's bounds, an 11-byte varint, too many compressed bytes, EOF and extra bytes", () => {
    const statusBounds = specs.status.request!;
    expect(code(() => decodeRequest(encodeRequest(new Uint8Array(5)), statusBounds))).to.equal(
      "SSZ_LENGTH_OUT_OF_BOUNDS",
    );
    expect(code(() => decodeRequest(encodeRequest(new Uint8Array(85)), statusBounds))).to.equal(
      "SSZ_LENGTH_OUT_OF_BOUNDS",
    );
    const longVarint = Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
    expect(code(() => decodeRequest(longVarint, { minSize: 0, maxSize: 100 }))).to.equal("VARINT_INVALID");
    // header says 84 bytes but the frames carry a padding chunk bigger than max_compressed_len(84)
    const frames = encodeSnappyFrames(new Uint8Array(84));
    const padded = cat(encodeVarint(84), frames.subarray(0, 10), Uint8Array.of(0xfe, 200, 0, 0), new Uint8Array(200));
    expect(code(() => decodeRequest(padded, statusBounds))).to.equal("PAYLOAD_TOO_LARGE");
    const ok = encodeRequest(new Uint8Array(84));
    expect(code(() => decodeRequest(ok.subarray(0, ok.length - 2), statusBounds))).to.equal("UNEXPECTED_EOF");
    // a stray byte after the request starts a second header (length 0, below Status's 84)
    expect(code(() => decodeRequest(cat(ok, Uint8Array.of(0)), statusBounds))).to.equal("SSZ_LENGTH_OUT_OF_BOUNDS");
    expect(code(() => decodeRequest(cat(ok, ok), statusBounds))).to.equal("TRAILING_BYTES");
    // frames announcing fewer bytes than they hold
    const lying = cat(encodeVarint(84), encodeSnappyFrames(new Uint8Array(90)));
    expect(code(() => decodeRequest(lying, statusBounds))).to.equal("SSZ_LENGTH_OUT_OF_BOUNDS");
  });
});
