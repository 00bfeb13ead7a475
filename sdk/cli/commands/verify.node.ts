import { Command } from "commander";
import { getBls } from "../../crypto/bls/index.js";
import { readDepositDataFile } from "../../deposit/depositDataFile.node.js";
import { verifyDepositData } from "../../deposit/verify/verifyDepositData.js";
import { EXIT } from "../exitCodes.js";
import { resolveNetwork } from "../resolveNetwork.node.js";

/** `verify <file>`: every launchpad check on a deposit_data file; exit 4 if any deposit is invalid. */
export function verifyCommand(): Command {
  return new Command("verify")
    .description("check a deposit_data-*.json file for a network (every launchpad check); exit code 4 if invalid")
    .argument("<file>", "deposit_data-*.json")
    .option("--network <name>", "built-in network", "btc20-mainnet")
    .option("--network-config <file>", "custom network JSON")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: { network?: string; networkConfig?: string; json?: boolean }) => {
      const network = await resolveNetwork(options);
      const result = verifyDepositData(await readDepositDataFile(file), network, { bls: await getBls() });
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
    });
}
