// EIP-2335 "Password requirements": NFKD, then drop the control codes C0 (U+0000-U+001F), DEL (U+007F) and
// C1 (U+0080-U+009F), then UTF-8. Those three ranges are exactly Unicode's general category Cc.
const CONTROL_CODES = /\p{Cc}/gu;

export function normalizePassword(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize("NFKD").replace(CONTROL_CODES, ""));
}
