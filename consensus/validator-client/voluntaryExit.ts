// `btc20-validator voluntary-exit`: signs a VoluntaryExit (phase0 validator.md "Voluntary exits") for each given key
// with its keystore and submits it to the node's pool (POST /eth/v1/beacon/pool/voluntary_exits). The exit epoch
// defaults to the current epoch; the validator must be active and past SHARD_COMMITTEE_PERIOD (the node checks).
import type { Logger } from "pino";
import { CodedError } from "../../sdk/errors/codedError.js";
import { ValidatorSigner } from "../validator/signer.js";
import { SlashingProtectionDb } from "../validator/slashing-protection/index.js";
import { BeaconNodes } from "./beaconNodes.js";
import { fetchChainInfo } from "./chainInfo.js";
import { ValidatorClock } from "./clock.js";
import { type KeySources, loadKeysFromDir } from "./keystoreFiles.js";

export class VoluntaryExitError extends CodedError<"UNKNOWN_KEY" | "NOT_ACTIVE" | "EXIT_REJECTED"> {
  override readonly name = "VoluntaryExitError";
}

export interface VoluntaryExitOptions extends KeySources {
  beaconNodes: string[];
  pubkeys: string[];
  epoch?: number;
}

export interface SubmittedExit {
  pubkey: string;
  validatorIndex: number;
  epoch: number;
}

export async function voluntaryExit(o: VoluntaryExitOptions, logger?: Logger): Promise<SubmittedExit[]> {
  const nodes = new BeaconNodes(o.beaconNodes, { timeoutMs: 12_000, logger });
  const info = await fetchChainInfo(nodes, { logger });
  const { cfg } = info;
  const wanted = o.pubkeys.map((p) => `0x${p.replace(/^0x/, "").toLowerCase()}`);
  const keys = (await loadKeysFromDir(o, true)).filter((k) => wanted.includes(k.pubkeyHex));
  for (const p of wanted) {
    if (!keys.some((k) => k.pubkeyHex === p)) {
      throw new VoluntaryExitError("UNKNOWN_KEY", `no keystore for ${p} in ${o.keystoresDir}`);
    }
  }
  const validators = await nodes.call("states/head/validators", (api) => api.getValidators(wanted));
  const clock = new ValidatorClock(info.genesisTime, cfg.SECONDS_PER_SLOT, cfg.SLOTS_PER_EPOCH);
  const epoch = o.epoch ?? clock.currentEpoch();
  // exits are not slashable: the signer's protection database is never written here
  const signer = new ValidatorSigner(cfg, keys, new SlashingProtectionDb(":memory:"));
  const ctx = { fork: info.fork, genesisValidatorsRoot: info.genesisValidatorsRoot, slot: clock.currentSlot() };
  const out: SubmittedExit[] = [];
  for (const key of keys) {
    const v = validators.find((x) => x.validator.pubkey.toLowerCase() === key.pubkeyHex);
    if (!v)
      throw new VoluntaryExitError(
        "NOT_ACTIVE",
        `${key.pubkeyHex} is not in the beacon state (deposit not processed yet)`,
      );
    if (!v.status.startsWith("active_")) {
      throw new VoluntaryExitError(
        "NOT_ACTIVE",
        `${key.pubkeyHex} (index ${v.index}) is ${v.status}; only active validators can exit`,
      );
    }
    const message = { epoch, validatorIndex: Number(v.index) };
    const signature = signer.signVoluntaryExit(ctx, key.publicKey, message);
    const json = cfg.types.SignedVoluntaryExit.toJson({ message, signature }) as Record<string, unknown>;
    try {
      await nodes.call("pool/voluntary_exits", (api) => api.submitVoluntaryExit(json));
    } catch (e) {
      throw new VoluntaryExitError(
        "EXIT_REJECTED",
        `the node refused the exit of ${key.pubkeyHex}: ${(e as Error).message}`,
      );
    }
    logger?.info({ pubkey: key.pubkeyHex, index: Number(v.index), epoch }, "voluntary exit submitted");
    out.push({ pubkey: key.pubkeyHex, validatorIndex: Number(v.index), epoch });
  }
  return out;
}
