// Options, questions and the summary shared by `exit-transaction-mnemonic` and `exit-transaction-keystore`.
import type { Command } from "commander";
import type { Bls } from "../../crypto/bls/types.js";
import { type ExitDomainParams, exitDomainParams } from "../../exit/exitDomain.js";
import { writeExitTransactionFiles } from "../../exit/exitTransactionFile.node.js";
import { EXIT_TRANSACTIONS_FOLDER } from "../../exit/exitTransactionJson.js";
import { signVoluntaryExit, verifySignedVoluntaryExit } from "../../exit/signVoluntaryExit.js";
import { toHex } from "../../networks/hexBytes.js";
import type { NetworkParams } from "../../networks/types.js";
import { CliError, EXIT } from "../exitCodes.js";
import { type Interaction, parseInteger } from "../interaction.node.js";
import { checkWritableFolder, chooseNetwork } from "../questions.node.js";

export interface ExitCommandOptions {
  network?: string;
  networkConfig?: string;
  genesisValidatorsRoot?: string;
  epoch: string;
  folder: string;
  nonInteractive?: boolean;
}

export function addExitOptions(command: Command): Command {
  return command
    .option("--network <name>", "built-in network the validator runs on (btc20-mainnet, mainnet, hoodi, ...)")
    .option("--network-config <file>", "custom network JSON (its exit_fork_version and genesis_validator_root)")
    .option(
      "--genesis-validators-root <hex>",
      "the chain's genesis validators root (needed where the network has no fixed one, e.g. BTC20 networks)",
    )
    .option("--epoch <epoch>", "earliest epoch the exit is valid at (0: valid now)", "0")
    .option("--folder <dir>", `output folder; files go to <dir>/${EXIT_TRANSACTIONS_FOLDER}`, process.cwd())
    .option("--non-interactive", "never prompt: every value comes from flags, files or stdin; no confirmation");
}

export interface ExitSettings {
  network: NetworkParams;
  params: ExitDomainParams;
  epoch: number;
  folder: string;
}

export async function chooseExitSettings(ia: Interaction, options: ExitCommandOptions): Promise<ExitSettings> {
  await checkWritableFolder(options.folder, "--folder");
  const network = await chooseNetwork(ia, options, "does the validator run on");
  const params =
    network.genesisValidatorsRoot !== null && options.genesisValidatorsRoot === undefined
      ? exitDomainParams(network)
      : await ia.value({
          flag: "--genesis-validators-root",
          given: options.genesisValidatorsRoot,
          question: "Genesis validators root (0x + 64 hex digits)",
          explain:
            `Exits are signed for one chain: ${network.name} has no fixed genesis validators root, so give the one of\n` +
            "your chain (`genesis_validators_root` of GET /eth/v1/beacon/genesis on its beacon node).",
          parse: (a) => exitDomainParams(network, a.trim()),
        });
  const epoch = parseIntegerFlag(options.epoch, "--epoch", 0);
  return { network, params, epoch, folder: options.folder };
}

export function parseIntegerFlag(text: string, flag: string, min: number, max?: number): number {
  try {
    return parseInteger(text, min, max);
  } catch (e) {
    throw new CliError(EXIT.INVALID_INPUT, `${flag} ${(e as Error).message}`);
  }
}

export interface ExitSigner {
  /** Validator index on the beacon chain. */
  validatorIndex: number;
  secretKey: Uint8Array;
  pubkey: Uint8Array;
  /** Where the key comes from (EIP-2334 path or keystore file), for the summary. */
  source: string;
}

/** Shows what will be signed and, unless --non-interactive, asks to go on. */
export async function confirmExits(ia: Interaction, s: ExitSettings, signers: ExitSigner[]): Promise<void> {
  const rows: [string, string][] = [
    ["network", s.network.name],
    ["exit fork version", `0x${toHex(s.params.exitForkVersion)}`],
    ["genesis validators root", `0x${toHex(s.params.genesisValidatorsRoot)}`],
    ["epoch", String(s.epoch)],
    ["exits", String(signers.length)],
    ...signers.map((x): [string, string] => [
      `validator ${x.validatorIndex}`,
      `pubkey 0x${toHex(x.pubkey).slice(0, 16)}… (${x.source})`,
    ]),
    ["output", `${s.folder}/${EXIT_TRANSACTIONS_FOLDER}`],
  ];
  ia.say(
    "\nA signed exit cannot be taken back: once a node includes it, the validator leaves the active set for good.\n",
  );
  await ia.confirm("Summary:", rows, "Sign and write these exits");
}

/** Signs every exit, checks each signature against its public key, writes the files and prints their paths. */
export async function signAndWriteExits(bls: Bls, s: ExitSettings, signers: ExitSigner[]): Promise<string[]> {
  const exits = signers.map((x) => {
    const signed = signVoluntaryExit(bls, x.secretKey, { epoch: s.epoch, validatorIndex: x.validatorIndex }, s.params);
    if (!verifySignedVoluntaryExit(bls, x.pubkey, signed, s.params)) {
      throw new Error(`internal error: the exit signed for validator ${x.validatorIndex} does not verify`);
    }
    x.secretKey.fill(0);
    return signed;
  });
  let files: string[];
  try {
    files = await writeExitTransactionFiles(s.folder, exits);
  } catch (e) {
    throw new CliError(
      EXIT.FILE_ERROR,
      `cannot write into ${s.folder}/${EXIT_TRANSACTIONS_FOLDER}: ${(e as Error).message}`,
    );
  }
  for (const f of files) process.stdout.write(`${f}\n`);
  process.stderr.write(
    `Wrote ${files.length} signed exit(s) for ${s.network.name}. Submit them to a beacon node ` +
      "(POST /eth/v1/beacon/pool/voluntary_exits) when you want the validator(s) to exit.\n",
  );
  return files;
}
