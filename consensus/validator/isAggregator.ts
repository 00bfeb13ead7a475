// is_aggregator (phase0 validator.md, "Aggregation selection"): the slot signature picks about
// TARGET_AGGREGATORS_PER_COMMITTEE aggregators per committee.
import { digest } from "@chainsafe/as-sha256";
import type { BeaconConfig } from "../params/beaconConfig.js";

export function isAggregator(cfg: BeaconConfig, committeeSize: number, slotSignature: Uint8Array): boolean {
  const modulo = Math.max(1, Math.floor(committeeSize / cfg.TARGET_AGGREGATORS_PER_COMMITTEE));
  const h = digest(slotSignature);
  // bytes_to_uint64(hash[0:8]) % modulo, little-endian; BigInt keeps all 64 bits exact
  const value = new DataView(h.buffer, h.byteOffset, 8).getBigUint64(0, true);
  return value % BigInt(modulo) === 0n;
}
