// new-mnemonic / existing-mnemonic / verify, by spawning the bin (1 validator per run: scrypt keystores take ~1 s).
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { decryptKeystore } from "../../../sdk/keys/keystore/index.js";
import { validateMnemonic } from "../../../sdk/keys/mnemonic.js";
import { stakingSmithCases } from "../deposit/vectors.js";
import { runCli } from "./runCli.js";

const PASSWORD = "anothertesttest";

function workDir(): { dir: string; passwordFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "btc20-cli-"));
  const passwordFile = path.join(dir, "password.txt");
  writeFileSync(passwordFile, `${PASSWORD}\n`);
  return { dir, passwordFile };
}

function outputFiles(dir: string): { depositData: string; keystores: string[] } {
  const folder = path.join(dir, "validator_keys");
  const names = readdirSync(folder);
  return {
    depositData: path.join(folder, names.find((n) => n.startsWith("deposit_data-"))!),
    keystores: names.filter((n) => n.startsWith("keystore-")).map((n) => path.join(folder, n)),
  };
}

describe("btc20-deposit CLI: keys, deposit data, verify", () => {
  it("--help lists the commands and the exit codes; a bad command is a usage error (2)", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).to.equal(0);
    for (const word of [
      "new-mnemonic",
      "existing-mnemonic",
      "verify",
      "deposit",
      "exit-transaction-mnemonic",
      "exit-transaction-keystore",
      "Exit codes:",
    ]) {
      expect(help.stdout).to.include(word);
    }
    const sub = await runCli(["existing-mnemonic", "--help"]);
    for (const flag of [
      "--network-config",
      "--num-validators",
      "--start-index",
      "--withdrawal-address",
      "--compounding",
      "--amount",
      "--keystore-password-file",
      "--non-interactive",
      "--mnemonic",
      "--folder",
    ]) {
      expect(sub.stdout).to.include(flag);
    }
    const bad = await runCli(["frobnicate"]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/unknown command 'frobnicate'/);
  });

  it("existing-mnemonic (stdin) reproduces the reference CLI's deposit data and writes a 0400 keystore", async () => {
    const c = stakingSmithCases().find((x) => x.id === "withdrawal_credentials_execution/hoodi")!;
    const { dir, passwordFile } = workDir();
    const run = await runCli(
      [
        "existing-mnemonic",
        "--network",
        "hoodi",
        "--num-validators",
        "1",
        "--withdrawal-address",
        c.withdrawal_address!,
        "--keystore-password-file",
        passwordFile,
        "--folder",
        dir,
        "--non-interactive",
      ],
      { stdin: `${c.mnemonic}\n` },
    );
    expect(run.code, run.stderr).to.equal(0);
    const files = outputFiles(dir);
    expect(path.basename(files.depositData)).to.match(/^deposit_data-\d+\.json$/);
    const written = JSON.parse(readFileSync(files.depositData, "utf8"));
    expect(written).to.deep.equal(c.deposit_data_file.json.map((e) => ({ ...e, deposit_cli_version: "0.1.0" })));
    expect(statSync(files.depositData).mode & 0o777).to.equal(0o400);
    expect(files.keystores).to.have.length(1);
    expect(path.basename(files.keystores[0]!)).to.match(/^keystore-m_12381_3600_0_0_0-\d+\.json$/);
    expect(statSync(files.keystores[0]!).mode & 0o777).to.equal(0o400);
    const keystore = JSON.parse(readFileSync(files.keystores[0]!, "utf8"));
    expect(keystore.pubkey).to.equal(written[0].pubkey);
    const secret = await decryptKeystore(keystore, PASSWORD);
    expect(Buffer.from(bls.secretKeyToPublicKey(secret)).toString("hex")).to.equal(written[0].pubkey);

    const ok = await runCli(["verify", files.depositData, "--network", "hoodi"]);
    expect(ok.code).to.equal(0);
    expect(ok.stdout).to.match(/All 1 deposit\(s\) are valid for hoodi/);
    const wrong = await runCli(["verify", files.depositData, "--network", "btc20-mainnet", "--json"]);
    expect(wrong.code).to.equal(4);
    expect(JSON.parse(wrong.stdout).entries[0].issues[0].code).to.equal("WRONG_NETWORK");
  });

  it("new-mnemonic --non-interactive prints a valid mnemonic and writes 0x02 deposits for a custom network", async () => {
    const { dir, passwordFile } = workDir();
    const config = path.join(dir, "net.json");
    writeFileSync(
      config,
      JSON.stringify({
        network_name: "btc20-localnet",
        genesis_fork_version: "0x20201234",
        exit_fork_version: "0x20201234",
        min_activation_amount: 1000,
        min_deposit_amount: 1,
        max_deposit_amount: 64000,
        multiplier: 1,
        chain_id: 31337,
      }),
    );
    const run = await runCli([
      "new-mnemonic",
      "--network-config",
      config,
      "--num-validators",
      "1",
      "--start-index",
      "7",
      "--withdrawal-address",
      "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
      "--compounding",
      "--amount",
      "2500",
      "--keystore-password-file",
      passwordFile,
      "--folder",
      dir,
      "--non-interactive",
    ]);
    expect(run.code, run.stderr).to.equal(0);
    expect(validateMnemonic(run.stdout.split("\n")[0]!)).to.equal("english");
    const files = outputFiles(dir);
    const [entry] = JSON.parse(readFileSync(files.depositData, "utf8"));
    expect(entry.amount).to.equal(2500e9);
    expect(entry.withdrawal_credentials.slice(0, 2)).to.equal("02");
    expect(entry.network_name).to.equal("btc20-localnet");
    expect(path.basename(files.keystores[0]!)).to.match(/^keystore-m_12381_3600_7_0_0-/);
    const verified = await runCli(["verify", files.depositData, "--network-config", config]);
    expect(verified.code, verified.stdout).to.equal(0);
  });

  const invalid: [string, string[], RegExp][] = [
    [
      "an address without a valid checksum",
      ["--withdrawal-address", "0x71c7656ec7ab88b098defb751b7401b5f6d8976f"],
      /EIP-55 checksum; expected 0x71C7656EC7ab88b098defB751B7401B5f6d8976F/,
    ],
    ["an amount finer than a gwei", ["--amount", "1000.0000000001"], /more than 9 decimals/],
    [
      "an amount above the activation amount for 0x00",
      ["--amount", "1001"],
      /expected 1000000000 to 1000000000000 gwei/,
    ],
    ["--compounding without an address", ["--compounding"], /--compounding needs --withdrawal-address/],
    ["an unknown network", ["--network", "btc21"], /unknown network "btc21"/],
    ["a bad mnemonic", ["--mnemonic", "abandon abandon abandon"], /not a valid BIP-39 mnemonic/],
    ["no validator count", ["--num-validators", "zero"], /--num-validators must be an integer >= 1/],
  ];
  for (const [what, flags, message] of invalid) {
    it(`exits 3 on ${what}`, async () => {
      const { dir, passwordFile } = workDir();
      const base = [
        "existing-mnemonic",
        "--network",
        "btc20-devnet",
        "--num-validators",
        "1",
        "--keystore-password-file",
        passwordFile,
        "--folder",
        dir,
        "--non-interactive",
      ];
      const mnemonic = stakingSmithCases()[0]!.mnemonic;
      const args = [...base, ...flags];
      if (!flags.includes("--mnemonic")) args.push("--mnemonic", mnemonic);
      const run = await runCli(args);
      expect(run.code, run.stderr).to.equal(3);
      expect(run.stderr).to.match(message);
      expect(run.stderr.split("\n").filter(Boolean).at(-1)).to.match(/^btc20-deposit: /);
    });
  }

  it("exits 3 on a short password and 6 on a missing password file", async () => {
    const { dir } = workDir();
    const short = path.join(dir, "short.txt");
    writeFileSync(short, "tooshort");
    const mnemonic = stakingSmithCases()[0]!.mnemonic;
    const common = [
      "existing-mnemonic",
      "--mnemonic",
      mnemonic,
      "--num-validators",
      "1",
      "--folder",
      dir,
      "--non-interactive",
    ];
    const a = await runCli([...common, "--keystore-password-file", short]);
    expect(a.code).to.equal(3);
    expect(a.stderr).to.match(/at least 12 characters/);
    const b = await runCli([...common, "--keystore-password-file", path.join(dir, "missing.txt")]);
    expect(b.code).to.equal(6);
    expect(b.stderr).to.match(/cannot read --keystore-password-file/);
  });

  it("verify exits 3 on a file that is not deposit data", async () => {
    const { dir } = workDir();
    const file = path.join(dir, "x.json");
    writeFileSync(file, "{}");
    const run = await runCli(["verify", file, "--network", "hoodi"]);
    expect(run.code).to.equal(3);
    expect(run.stderr).to.match(/non-empty JSON array/);
  });

  it("without a terminal, a missing value is a usage error (2) naming the flag, not a hang", async () => {
    const { dir } = workDir();
    const run = await runCli(["new-mnemonic", "--folder", dir]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/--language was not given: there is no terminal to ask it on/);
  });

  it("an unusable --folder fails (6) before a mnemonic is made or a question asked", async () => {
    const { dir, passwordFile } = workDir();
    const run = await runCli([
      "new-mnemonic",
      "--folder",
      path.join(passwordFile, "sub"),
      "--network",
      "hoodi",
      "--num-validators",
      "1",
      "--keystore-password-file",
      passwordFile,
      "--non-interactive",
    ]);
    expect(run.code).to.equal(6);
    expect(run.stderr).to.match(/cannot write into --folder/);
    expect(run.stdout).to.equal("");
    expect(readdirSync(dir)).to.deep.equal(["password.txt"]);
  });
});
