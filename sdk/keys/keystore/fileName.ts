// Keystore file names as the reference Ethereum deposit CLI writes them: "keystore-m_12381_3600_0_0_0-<ts>.json".
import type { Keystore } from "./types.js";

/** `timestampSeconds`: Unix time in whole seconds (default now). */
export function keystoreFileName(
  keystore: Pick<Keystore, "path">,
  timestampSeconds = Math.floor(Date.now() / 1000),
): string {
  return `keystore-${keystore.path.replaceAll("/", "_")}-${timestampSeconds}.json`;
}
