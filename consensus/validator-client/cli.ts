// Command line of btc20-validator (started by bin/btc20-validator.js on the repository's Node 22).
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { Command, InvalidArgumentError } from "commander";
import pino from "pino";
import { port, uint } from "../cli/optionParsers.js";
import { networkConfig } from "../node/config/networkConfig.js";
import { exportInterchange, importInterchange } from "../validator/slashing-protection/index.js";
import { openSlashingProtection, runValidator } from "./runValidator.js";
import { voluntaryExit } from "./voluntaryExit.js";

const list = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const fail = (e: unknown): never => {
  const err = e as Error & { code?: string };
  console.error(`btc20-validator: ${err.code ? `${err.code}: ` : ""}${err.message}`);
  process.exit(1);
};

const program = new Command("btc20-validator")
  .description(
    "BTC20 validator client: holds validator keys and performs their duties through one or more beacon nodes' Beacon API",
  )
  .enablePositionalOptions()
  .option("--beacon-nodes <url,...>", "Beacon API URLs, used in order (fallback when one fails)", list, [
    "http://127.0.0.1:5052",
  ])
  .option("--keystores-dir <dir>", "EIP-2335 keystores (*.json), flat or one folder per key (Lighthouse layout)")
  .option("--secrets-dir <dir>", "one password file per key, named 0x<pubkey hex> (Lighthouse/Teku layout)")
  .option("--keystores-password-file <file>", "one password for every keystore")
  .option(
    "--datadir <dir>",
    "slashing-protection database, imported keystores, Keymanager token",
    ".data/btc20-validator",
  )
  .option("--graffiti <text>", "graffiti in proposed blocks (UTF-8, at most 32 bytes)", "")
  .option("--network <name>", "expected config: btc20 | devnet | phase0.yaml path (default: the node's config/spec)")
  .option("--keymanager", "serve the Keymanager API (GET/POST/DELETE /eth/v1/keystores)", false)
  .option("--keymanager.address <ip>", "Keymanager API listen address", "127.0.0.1")
  .option("--keymanager.port <port>", "Keymanager API port", port, 5062)
  .option(
    "--doppelganger-protection",
    "watch the keys for 2 epochs before signing; never sign one seen live (default: on for btc20 mainnet)",
  )
  .option("--no-doppelganger-protection", "sign at once, also on btc20 mainnet")
  .option("--metrics.address <ip>", "Prometheus /metrics listen address", "127.0.0.1")
  .option("--metrics.port <port>", "serve Prometheus /metrics on this port")
  .option("--log-level <level>", "trace | debug | info | warn | error", "info")
  .action(async (o) => {
    try {
      const v = await runValidator({
        beaconNodes: o.beaconNodes,
        keystoresDir: o.keystoresDir,
        secretsDir: o.secretsDir,
        keystoresPasswordFile: o.keystoresPasswordFile,
        datadir: o.datadir,
        graffiti: o.graffiti,
        localConfig: o.network ? networkConfig(o.network) : undefined,
        keymanager: o.keymanager,
        keymanagerAddress: o["keymanager.address"],
        keymanagerPort: o["keymanager.port"],
        doppelgangerProtection: o.doppelgangerProtection,
        metricsAddress: o["metrics.address"],
        metricsPort: o["metrics.port"] === undefined ? undefined : port(o["metrics.port"]),
        logLevel: o.logLevel,
      });
      const shutdown = async () => {
        await v.stop();
        process.exit(0);
      };
      process.on("SIGINT", shutdown);
      process.on("SIGTERM", shutdown);
    } catch (e) {
      fail(e);
    }
  });

const sp = program
  .command("slashing-protection")
  .description("import or export the EIP-3076 slashing-protection interchange file");
sp.command("import")
  .description("import an EIP-3076 interchange file (all or nothing; genesis_validators_root must match)")
  .requiredOption("--file <file>", "interchange JSON file")
  .option("--datadir <dir>", "the validator client's data directory", ".data/btc20-validator")
  .action((o) => {
    try {
      const db = openSlashingProtection(o.datadir);
      const { validators } = importInterchange(db, JSON.parse(readFileSync(o.file, "utf8")));
      db.close();
      console.log(`imported slashing-protection history of ${validators} validator(s) into ${o.datadir}`);
    } catch (e) {
      fail(e);
    }
  });
sp.command("export")
  .description("write the whole database as an EIP-3076 interchange file")
  .requiredOption("--file <file>", "output JSON file")
  .option("--datadir <dir>", "the validator client's data directory", ".data/btc20-validator")
  .option("--pubkeys <0x..,...>", "only these keys", list)
  .action((o) => {
    try {
      const db = openSlashingProtection(o.datadir);
      const pubkeys = (o.pubkeys as string[] | undefined)?.map(
        (p) => new Uint8Array(Buffer.from(p.replace(/^0x/, ""), "hex")),
      );
      const out = exportInterchange(db, pubkeys);
      db.close();
      writeFileSync(o.file, JSON.stringify(out, null, 2));
      console.log(`exported ${out.data.length} validator(s) to ${o.file}`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command("voluntary-exit")
  .description("sign a voluntary exit with the keystore and submit it to the beacon node (irreversible)")
  .requiredOption("--pubkeys <0x..,...>", "validators to exit", list)
  .option("--epoch <n>", "exit epoch (default: the current epoch)", uint)
  .option("--beacon-nodes <url,...>", "Beacon API URLs, in order", list, ["http://127.0.0.1:5052"])
  .option("--keystores-dir <dir>", "EIP-2335 keystores")
  .option("--secrets-dir <dir>", "one password file per key, named 0x<pubkey hex>")
  .option("--keystores-password-file <file>", "one password for every keystore")
  .option("--yes", "do not ask for confirmation", false)
  .action(async (o) => {
    try {
      if (!o.keystoresDir) throw new InvalidArgumentError("--keystores-dir is required");
      if (!o.yes) {
        if (!process.stdin.isTTY) throw new InvalidArgumentError("not a terminal: pass --yes to confirm the exit");
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question(
          `Exit ${o.pubkeys.length} validator(s)? An exit cannot be undone. Type "exit" to confirm: `,
        );
        rl.close();
        if (answer.trim() !== "exit") throw new InvalidArgumentError("not confirmed; nothing was signed");
      }
      const done = await voluntaryExit(
        {
          beaconNodes: o.beaconNodes,
          pubkeys: o.pubkeys,
          epoch: o.epoch,
          keystoresDir: o.keystoresDir,
          secretsDir: o.secretsDir,
          passwordFile: o.keystoresPasswordFile,
        },
        pino({ level: "warn" }),
      );
      for (const d of done)
        console.log(`submitted the exit of ${d.pubkey} (index ${d.validatorIndex}) at epoch ${d.epoch}`);
    } catch (e) {
      fail(e);
    }
  });

await program.parseAsync();
