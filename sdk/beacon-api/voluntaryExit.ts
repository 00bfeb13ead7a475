// Submitting a signed voluntary exit to a node (beacon-APIs `POST /eth/v1/beacon/pool/voluntary_exits`), in the JSON
// form the reference deposit CLI's `exit-transaction-mnemonic` writes: {"message":{"epoch","validator_index"},
// "signature"}. Signing happens offline (btc20-deposit / btc20-validator); this only checks the shape and sends it.
import { BeaconApiError } from "./errors.js";
import { type BeaconApiOptions, postJson } from "./http.js";

export interface SignedVoluntaryExitJson {
  message: { epoch: string; validator_index: string };
  /** 96 bytes, 0x-prefixed hex */
  signature: string;
}

const UINT_RE = /^(0|[1-9][0-9]{0,19})$/;
const SIGNATURE_RE = /^0x[0-9a-fA-F]{192}$/;

/** Checks a signed exit's shape (numbers as decimal strings or integers, a 96-byte signature); INVALID_EXIT if not. */
export function parseSignedVoluntaryExit(json: unknown): SignedVoluntaryExitJson {
  const o = json as { message?: { epoch?: unknown; validator_index?: unknown }; signature?: unknown } | null;
  const uint = (v: unknown, field: string): string => {
    const text = typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v;
    if (typeof text !== "string" || !UINT_RE.test(text) || BigInt(text) >= 2n ** 64n) {
      throw new BeaconApiError("INVALID_EXIT", `${field} must be an unsigned 64-bit integer, got ${JSON.stringify(v)}`);
    }
    return text;
  };
  if (!o || typeof o !== "object" || !o.message || typeof o.message !== "object") {
    throw new BeaconApiError(
      "INVALID_EXIT",
      'not a signed voluntary exit: expected {"message":{"epoch","validator_index"},"signature"}',
    );
  }
  const signature = typeof o.signature === "string" && !o.signature.startsWith("0x") ? `0x${o.signature}` : o.signature;
  if (typeof signature !== "string" || !SIGNATURE_RE.test(signature)) {
    throw new BeaconApiError("INVALID_EXIT", "signature must be 96 bytes of hex (0x + 192 hex digits)");
  }
  return {
    message: {
      epoch: uint(o.message.epoch, "message.epoch"),
      validator_index: uint(o.message.validator_index, "message.validator_index"),
    },
    signature: signature.toLowerCase(),
  };
}

/** Sends a signed exit to the node's pool; the node checks the signature and the exit's validity (HTTP 400 if not). */
export async function submitVoluntaryExit(opts: BeaconApiOptions, exit: unknown): Promise<SignedVoluntaryExitJson> {
  const parsed = parseSignedVoluntaryExit(exit);
  await postJson(opts, "/eth/v1/beacon/pool/voluntary_exits", parsed);
  return parsed;
}
