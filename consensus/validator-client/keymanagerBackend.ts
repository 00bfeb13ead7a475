// The Keymanager API's operations over the running client (keymanager-APIs "Local Key Manager"): keys imported or
// deleted here take effect at the next duty; imports bring their slashing-protection history in first.
import type { Logger } from "pino";
import { parseKeystore } from "../../sdk/keys/keystore/index.js";
import {
  exportInterchange,
  importInterchange,
  type SlashingProtectionDb,
} from "../validator/slashing-protection/index.js";
import type { KeymanagerBackend } from "./keymanager.js";
import { decryptKey, type LoadedKey, type ManagedKeystores } from "./keystoreFiles.js";
import type { ValidatorStore } from "./validatorStore.js";

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

/** The Keymanager API over the running client: keys imported or deleted here take effect at the next duty. */
export function keymanagerBackend(
  store: ValidatorStore,
  managed: ManagedKeystores,
  protection: SlashingProtectionDb,
  doppelganger: () => { watchFromEpoch: number } | null,
  logger: Logger,
): KeymanagerBackend {
  return {
    list: () =>
      store
        .all()
        .map((h) => ({ validating_pubkey: h.key.pubkeyHex, derivation_path: h.key.path, readonly: h.key.readonly })),

    async importKeystores(keystores, passwords, slashingProtection) {
      if (slashingProtection !== undefined) {
        try {
          // the history goes in before the key can sign (all or nothing)
          importInterchange(protection, JSON.parse(slashingProtection));
        } catch (e) {
          const message = `slashing_protection not imported: ${(e as Error).message}`;
          return keystores.map(() => ({ status: "error" as const, message }));
        }
      }
      const out: { status: "imported" | "duplicate" | "error"; message?: string }[] = [];
      for (let i = 0; i < keystores.length; i++) {
        try {
          const parsed = parseKeystore(keystores[i]);
          const pubkeyHex = `0x${parsed.pubkey.replace(/^0x/, "").toLowerCase()}`;
          if (store.get(pubkeyHex)) {
            out.push({ status: "duplicate" });
            continue;
          }
          const key = await decryptKey(keystores[i], passwords[i]!, `keystores[${i}]`);
          const loaded: LoadedKey = { ...key, pubkeyHex, readonly: false };
          managed.save(pubkeyHex, keystores[i]!, passwords[i]!);
          store.add(loaded, doppelganger());
          logger.info({ pubkey: pubkeyHex }, "keystore imported through the Keymanager API");
          out.push({ status: "imported" });
        } catch (e) {
          out.push({ status: "error", message: (e as Error).message });
        }
      }
      return out;
    },

    deleteKeys(pubkeys) {
      const data: { status: "deleted" | "not_active" | "not_found" | "error"; message?: string }[] = [];
      const exported: Uint8Array[] = [];
      const known = new Set(protection.allRecords().map((r) => hex(r.pubkey)));
      for (const pk of pubkeys) {
        const held = store.get(pk);
        if (held?.key.readonly) {
          data.push({ status: "error", message: "key loaded from --keystores-dir is read-only; remove it there" });
          continue;
        }
        if (held) {
          // stop signing first, then remove the files; the slashing-protection history stays in the database
          store.remove(pk);
          managed.remove(pk);
          exported.push(held.key.publicKey);
          logger.info({ pubkey: pk }, "key deleted through the Keymanager API");
          data.push({ status: "deleted" });
        } else if (known.has(pk)) {
          exported.push(new Uint8Array(Buffer.from(pk.slice(2), "hex")));
          data.push({ status: "not_active" });
        } else {
          data.push({ status: "not_found" });
        }
      }
      return { data, slashing_protection: JSON.stringify(exportInterchange(protection, exported)) };
    },
  };
}
