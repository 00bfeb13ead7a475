// A validator leaves through `btc20-validator voluntary-exit` (its keystore signs, the node's pool takes the exit, a
// block includes it): on the node's API it goes active_exiting -> exited_unslashed -> withdrawal_possible, and once it
// is out of the active set its balance stops changing (phase0: no rewards or penalties after the epoch that follows
// its exit epoch).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { readBalances } from "../beaconApi.js";
import { ROOT } from "../serviceProcess.js";
import type { ProcessScenario } from "./types.js";

const VALIDATOR_BIN = path.join(ROOT, "bin", "btc20-validator.js");
const ORDER = ["active_ongoing", "active_exiting", "exited_unslashed", "withdrawal_possible"];

export const exit: ProcessScenario = {
  name: "exit",
  expectation:
    "a validator exits via btc20-validator voluntary-exit: active_exiting -> exited_unslashed -> withdrawal_possible, then its balance stays put",
  defaultNodes: 1,
  fixedNodes: true,
  defaultValidators: 16,
  defaultValidatorClients: 1,
  epochs: 14,
  async run(devnet, { log }) {
    const vc = devnet.validators[0];
    if (!vc) return "the exit scenario needs a btc20-validator process (none in this checkout)";
    const cfg = devnet.cfg;
    const spe = cfg.SLOTS_PER_EPOCH;
    const url = devnet.nodes[0]!.restUrl;
    const index = devnet.vcIndices[0]![0]!;
    const pubkey = `0x${Buffer.from(devnet.keys[index]!.publicKey).toString("hex")}`;
    // a validator may exit once it has been active SHARD_COMMITTEE_PERIOD epochs (process_voluntary_exit)
    const exitAt = cfg.SHARD_COMMITTEE_PERIOD;
    await devnet.untilSlot(exitAt * spe + 1, 0.5);
    const { stdout } = await promisify(execFile)(process.execPath, [
      VALIDATOR_BIN,
      "voluntary-exit",
      "--beacon-nodes",
      url,
      "--keystores-dir",
      vc.o.keystores.keystoresDir,
      "--secrets-dir",
      vc.o.keystores.secretsDir,
      "--pubkeys",
      pubkey,
      "--yes",
    ]).catch((e: Error & { stderr?: string }) => {
      throw new Error(`btc20-validator voluntary-exit failed: ${e.stderr ?? e.message}`);
    });
    log(`slot ${devnet.currentSlot()}: ${stdout.trim()}`);

    // exit_epoch = compute_activation_exit_epoch(current) at the latest; withdrawable MIN_VALIDATOR_WITHDRAWABILITY_DELAY later
    const withdrawableBy = exitAt + 2 + 1 + cfg.MAX_SEED_LOOKAHEAD + cfg.MIN_VALIDATOR_WITHDRAWABILITY_DELAY;
    const seen: string[] = [];
    let withdrawableEpoch = -1;
    for (let slot = devnet.currentSlot() + 1; slot <= withdrawableBy * spe; slot++) {
      if (!(await devnet.untilSlot(slot, 0.5))) return "interrupted";
      const res = await fetch(`${url}/eth/v1/beacon/states/head/validators/${index}`).catch(() => null);
      if (!res?.ok) continue;
      const v = (await res.json()).data as { status: string; validator: { withdrawable_epoch: string } };
      if (seen.at(-1) !== v.status) {
        seen.push(v.status);
        log(`slot ${slot}: validator ${index} is ${v.status}`);
      }
      if (v.status === "withdrawal_possible") {
        withdrawableEpoch = Number(v.validator.withdrawable_epoch);
        break;
      }
    }
    const expected = ORDER.slice(1);
    const got = seen.filter((s) => ORDER.includes(s) && s !== "active_ongoing");
    if (got.join() !== expected.join()) {
      return `validator ${index} went ${seen.join(" -> ")}; expected ${expected.join(" -> ")}`;
    }
    // out of the active set: the balance at the next two epoch starts is the same
    const epoch = Math.floor(devnet.currentSlot() / spe) + 1;
    await devnet.untilEpoch(epoch + 1, 0.5);
    const [a] = await readBalances(url, String(epoch * spe), [index]);
    const [b] = await readBalances(url, String((epoch + 1) * spe), [index]);
    log(
      `validator ${index}: withdrawable from epoch ${withdrawableEpoch}; balance ${a} at epoch ${epoch}, ${b} at ${epoch + 1}`,
    );
    if (a !== b) return `validator ${index}'s balance still changes after its exit: ${a} -> ${b}`;
    return null;
  },
};
