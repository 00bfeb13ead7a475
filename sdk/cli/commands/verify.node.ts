import { Command } from "commander";
import { getBls } from "../../crypto/bls/index.js";
import { readDepositDataFile } from "../../deposit/depositDataFile.node.js";
import { verifyDepositData } from "../../deposit/verify/verifyDepositData.js";
import { getNetwork } from "../../networks/registry.js";
import type { NetworkParams } from "../../networks/types.js";
import { EXIT } from "../exitCodes.js";
import { Interaction } from "../interaction.node.js";
import { chooseNetwork, DEFAULT_NETWORK } from "../questions.node.js";
import { Terminal } from "../terminal.node.js";

/** `verify <file>`: every launchpad check on a deposit_data file; exit 4 if any deposit is invalid. */
export function verifyCommand(): Command {
  return new Command("verify")
    .description("check a deposit_data-*.json file for a network (every launchpad check); exit code 4 if invalid")
    .argument("<file>", "deposit_data-*.json")
    .option("--network <name>", "built-in network (asked when missing; default: the file's network_name if built in)")
    .option("--network-config <file>", "custom network JSON")
    .option("--json", "print the result as JSON")
    .option("--non-interactive", "never prompt (without --network: the file's network_name, else btc20-mainnet)")
    .action(
      async (
        file: string,
        options: { network?: string; networkConfig?: string; json?: boolean; nonInteractive?: boolean },
      ) => {
        const entries = await readDepositDataFile(file);
        // Without a terminal nothing can be asked: that is the old non-interactive behaviour.
        const ia = new Interaction(options.nonInteractive === true || !Terminal.available());
        let network: NetworkParams;
        try {
          network = await chooseNetwork(ia, options, "is this deposit data for", fileNetwork(entries));
        } finally {
          ia.close();
        }
        const result = verifyDepositData(entries, network, { bls: await getBls() });
        if (options.json) {
          const entries = result.entries.map((e) => ({ index: e.index, pubkey: e.pubkey, ok: e.ok, issues: e.issues }));
          process.stdout.write(
            `${JSON.stringify({ ok: result.ok, network: network.name, issues: result.issues, entries }, null, 2)}\n`,
          );
        } else {
          for (const issue of result.issues) process.stdout.write(`${issue.code}: ${issue.message}\n`);
          for (const e of result.entries) {
            const key = e.pubkey ? `${e.pubkey.slice(0, 12)}…` : "(no pubkey)";
            if (e.ok) process.stdout.write(`#${e.index} ${key} OK\n`);
            for (const issue of e.issues) process.stdout.write(`#${e.index} ${key} ${issue.code}: ${issue.message}\n`);
          }
          const bad = result.entries.filter((e) => !e.ok).length;
          process.stdout.write(
            result.ok
              ? `All ${result.entries.length} deposit(s) are valid for ${network.name}\n`
              : `${bad || "the file's"} deposit(s) invalid for ${network.name}\n`,
          );
        }
        if (!result.ok) process.exitCode = EXIT.VERIFY_FAILED;
      },
    );
}

/** The default network: the file's own network_name when it is a built-in network. */
function fileNetwork(entries: unknown[]): string {
  const name = (entries[0] as { network_name?: unknown } | undefined)?.network_name;
  try {
    return typeof name === "string" ? getNetwork(name).name : DEFAULT_NETWORK;
  } catch {
    return DEFAULT_NETWORK;
  }
}
