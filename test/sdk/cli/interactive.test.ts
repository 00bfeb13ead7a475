// btc20-deposit as a person uses it: the real bin in a pseudo-terminal (tmux), answers typed one by one. Each
// wrong answer must be re-asked (not end the program), the screen and scrollback must be cleared before the mnemonic
// is asked back, secrets are never echoed, and the files equal those of a --non-interactive run with the same
// answers. Keystores use random salt/IV/UUID, so they are compared by their deterministic fields and by decrypting
// both; deposit data and signed exits are deterministic and compared byte for byte. `--test-only-weak-kdf` (hidden)
// makes keystores cheap so the runs stay fast.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { exitDomainParams, parseSignedVoluntaryExitJson, verifySignedVoluntaryExit } from "../../../sdk/exit/index.js";
import { deriveValidatorKeys, mnemonicToSeedSync, validateMnemonic } from "../../../sdk/keys/index.js";
import { createKeystore, decryptKeystore } from "../../../sdk/keys/keystore/index.js";
import { BTC20_DEVNET, toHex } from "../../../sdk/networks/index.js";
import { runCli } from "./runCli.js";
import { TmuxSession, tmuxAvailable } from "./tmuxSession.js";

const CLEAR = "\x1b[2J\x1b[3J\x1b[H";
const PASSWORD = "correct horse battery";
const ADDRESS = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
const MNEMONIC =
  "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art";
const GVR = `0x${"5a".repeat(32)}`;

const tmux = tmuxAvailable();

function dir(): string {
  return mkdtempSync(path.join(tmpdir(), "btc20-pty-"));
}

function keyFiles(folder: string): { depositData: string; keystores: string[] } {
  const out = path.join(folder, "validator_keys");
  const names = readdirSync(out).sort();
  return {
    depositData: readFileSync(path.join(out, names.find((n) => n.startsWith("deposit_data-"))!), "utf8"),
    keystores: names.filter((n) => n.startsWith("keystore-")).map((n) => readFileSync(path.join(out, n), "utf8")),
  };
}

/** Keystore fields that do not depend on the random salt, IV and UUID. */
function deterministicPart(text: string): unknown {
  const k = JSON.parse(text);
  const { salt: _salt, ...kdfParams } = k.crypto.kdf.params;
  return {
    pubkey: k.pubkey,
    path: k.path,
    description: k.description,
    version: k.version,
    kdf: k.crypto.kdf.function,
    kdfParams,
  };
}

async function sameKeyFiles(interactive: string, scripted: string): Promise<void> {
  const a = keyFiles(interactive);
  const b = keyFiles(scripted);
  expect(a.depositData).to.equal(b.depositData);
  expect(a.keystores).to.have.length(b.keystores.length);
  for (let i = 0; i < a.keystores.length; i++) {
    expect(deterministicPart(a.keystores[i]!)).to.deep.equal(deterministicPart(b.keystores[i]!));
    const policy = { allowWeakKdf: true };
    expect(toHex(await decryptKeystore(a.keystores[i]!, PASSWORD, policy))).to.equal(
      toHex(await decryptKeystore(b.keystores[i]!, PASSWORD, policy)),
    );
  }
}

function exitFiles(folder: string): string[] {
  const out = path.join(folder, "exit_transactions");
  return readdirSync(out)
    .sort()
    .map((n) => readFileSync(path.join(out, n), "utf8"));
}

(tmux ? describe : describe.skip)("btc20-deposit in a terminal (tmux pseudo-terminal)", function () {
  // Reason for the skip above: without tmux there is no pseudo-terminal to drive (.ci/run installs it).
  this.timeout(120_000);
  let session: TmuxSession | null = null;
  afterEach(() => {
    session?.close();
    session = null;
  });
  /** A new CLI in a terminal; the previous one (if any) is closed. */
  const start = (args: string[]): TmuxSession => {
    session?.close();
    session = TmuxSession.start(args);
    return session;
  };

  it("new-mnemonic: asks everything, re-asks each wrong answer, clears the screen before asking the mnemonic back", async () => {
    const out = dir();
    const s = start(["new-mnemonic", "--folder", out, "--test-only-weak-kdf"]);
    let at = await s.answer("Mnemonic language (name or number) [english]: ", "klingon");
    at = await s.answer("✗ unknown language", "4", at);
    at = await s.answer("[btc20-mainnet]: ", "99", at);
    at = await s.answer("there is no network number 99", "btc20-devnet", at);
    at = await s.answer("Number of validators: ", "zero", at);
    at = await s.answer('✗ must be an integer >= 1 and <= 4294967296, got "zero"', "2", at);
    at = await s.answer("Withdrawal address (empty for 0x00 BLS credentials): ", ADDRESS.toLowerCase(), at);
    at = await s.answer(`does not carry a valid EIP-55 checksum; expected ${ADDRESS}`, ADDRESS, at);
    at = await s.answer("Repeat the withdrawal address: ", ADDRESS.replace("F", "E"), at);
    at = await s.answer("✗ The two entries differ", ADDRESS, at);
    at = await s.answer("Repeat the withdrawal address: ", ADDRESS, at);
    at = await s.answer("(yes/no) [no]: ", "maybe", at);
    at = await s.answer('answer "yes" or "no"', "yes", at);
    at = await s.answer("Deposit per validator in BTCC [1000]: ", "64001", at);
    at = await s.answer("outside what btc20-devnet accepts: expected 1 to 64000 BTCC", "2500", at);
    at = await s.answer("Keystore password (at least 12 characters, hidden): ", "short", at);
    at = await s.answer("must have at least 12 characters", PASSWORD, at);
    at = await s.answer("Repeat the keystore password: ", `${PASSWORD}!`, at);
    at = await s.answer("✗ The two entries differ", PASSWORD, at);
    at = await s.answer("Repeat the keystore password: ", PASSWORD, at);
    at = await s.waitFor("Create these keystores and deposit data? (yes/no): ", { from: at });
    const summary = s.raw().slice(0, at);
    for (const row of [
      /network +btc20-devnet \(chain id 31337\)/,
      /fork version +0x20200002/,
      /validators +2 \(key indices 0 to 1\)/,
      new RegExp(`credentials +0x02 \\(compounding\\) to ${ADDRESS}`),
      /amount +2500 BTCC each, 5000 BTCC in total/,
    ]) {
      expect(summary).to.match(row);
    }
    s.type("yes");
    at = await s.waitFor("Press Enter once you have written it down", { from: at });
    const mnemonic = s.raw().match(/website\.\r?\n\r?\n([a-z ]+)\r?\n/)![1]!;
    expect(validateMnemonic(mnemonic)).to.equal("english");
    expect(s.history()).to.include(mnemonic);
    s.type("");
    at = await s.waitFor("to confirm you wrote it down:", { from: at });
    // Cleared (screen, scrollback, cursor home) after "written down" and before the question.
    const shown = s.raw().lastIndexOf(mnemonic);
    expect(s.raw().indexOf(CLEAR, shown)).to.be.greaterThan(shown).and.lessThan(at);
    expect(s.history()).to.not.include(mnemonic);
    const words = mnemonic.split(" ");
    const wrong = [...words];
    wrong[4] = words[4] === "zoo" ? "abandon" : "zoo";
    s.type(wrong.join(" "));
    at = await s.answer("word 5 does not match. 2 more tries", words.slice(0, 23).join(" "), at);
    at = await s.answer("that is 23 word(s); the mnemonic has 24. 1 more try", wrong.join(" "), at);
    // After the last try the same mnemonic is shown again, never a new one.
    at = await s.answer("Press Enter to see the mnemonic again", "", at);
    at = await s.waitFor("Press Enter once you have written it down", { from: at });
    expect(s.raw().slice(at - 600)).to.include(mnemonic);
    s.type("");
    // The reference CLI accepts each word's first four letters.
    at = await s.answer("to confirm you wrote it down:", words.map((w) => w.slice(0, 4)).join(" "), at);
    await s.waitFor(/Wrote 2 keystore\(s\)/, { from: at });
    expect(await s.exitCode()).to.equal(0);
    expect(s.history()).to.not.include(mnemonic);
    expect(s.raw()).to.not.include(PASSWORD);

    const scripted = dir();
    const passwordFile = path.join(scripted, "pw.txt");
    writeFileSync(passwordFile, PASSWORD);
    const run = await runCli(
      [
        "existing-mnemonic",
        "--language",
        "english",
        "--network",
        "btc20-devnet",
        "--num-validators",
        "2",
        "--withdrawal-address",
        ADDRESS,
        "--compounding",
        "--amount",
        "2500",
        "--keystore-password-file",
        passwordFile,
        "--folder",
        scripted,
        "--non-interactive",
        "--test-only-weak-kdf",
      ],
      { stdin: mnemonic },
    );
    expect(run.code, run.stderr).to.equal(0);
    await sameKeyFiles(out, scripted);
  });

  it("existing-mnemonic: re-asks a wrong mnemonic and passphrase; 'no' at the summary writes nothing (exit 7)", async () => {
    const out = dir();
    const passwordFile = path.join(out, "pw.txt");
    writeFileSync(passwordFile, PASSWORD);
    const args = ["existing-mnemonic", "--folder", out, "--keystore-password-file", passwordFile];
    const s = start([...args, "--ask-mnemonic-passphrase", "--test-only-weak-kdf"]);
    let at = await s.answer("Your mnemonic (words separated by spaces; hidden): ", MNEMONIC.replace(/art$/, "abandon"));
    at = await s.answer("not a valid BIP-39 mnemonic", MNEMONIC, at);
    at = await s.answer("First key index [0]: ", "3", at);
    at = await s.answer("[btc20-mainnet]: ", "2", at);
    at = await s.answer("Number of validators: ", "1", at);
    at = await s.answer("Withdrawal address (empty for 0x00 BLS credentials): ", "", at);
    at = await s.answer("Mnemonic passphrase (hidden; NOT the keystore password): ", "pass phrase", at);
    at = await s.answer("Repeat the mnemonic passphrase: ", "pass phrose", at);
    at = await s.answer("✗ The two entries differ", "pass phrase", at);
    at = await s.answer("Repeat the mnemonic passphrase: ", "pass phrase", at);
    at = await s.waitFor("(yes/no): ", { from: at });
    const summary = s.raw().slice(0, at);
    expect(summary).to.match(/network +btc20-testnet/);
    expect(summary).to.match(/validators +1 \(key indices 3 to 3\)/);
    expect(summary).to.match(/credentials +0x00 \(BLS withdrawal key from the mnemonic\)/);
    expect(summary).to.match(/passphrase +set \(not shown\)/);
    s.type("no");
    expect(await s.exitCode(), s.history()).to.equal(7);
    expect(s.history()).to.match(/cancelled at the confirmation; nothing was written or sent/);
    expect(existsSync(path.join(out, "validator_keys"))).to.equal(false);
    expect(s.raw()).to.not.include("pass phrase");
    expect(s.raw()).to.not.include("abandon art");

    const t = start([
      ...args,
      "--start-index",
      "3",
      "--network",
      "btc20-testnet",
      "--num-validators",
      "1",
      "--withdrawal-address",
      "",
      "--mnemonic-passphrase",
      "pass phrase",
      "--test-only-weak-kdf",
    ]);
    at = await t.answer("Your mnemonic (words separated by spaces; hidden): ", MNEMONIC);
    await t.answer("(yes/no): ", "yes", at);
    expect(await t.exitCode()).to.equal(0);

    const scripted = dir();
    const run = await runCli(
      [
        ...args.slice(0, 1),
        "--folder",
        scripted,
        "--keystore-password-file",
        passwordFile,
        "--start-index",
        "3",
        "--network",
        "btc20-testnet",
        "--num-validators",
        "1",
        "--mnemonic-passphrase",
        "pass phrase",
        "--non-interactive",
        "--test-only-weak-kdf",
      ],
      { stdin: MNEMONIC },
    );
    expect(run.code, run.stderr).to.equal(0);
    await sameKeyFiles(out, scripted);
  });

  it("exit-transaction-mnemonic: asks network, genesis validators root and indices; files equal the scripted run's", async () => {
    const out = dir();
    const s = start(["exit-transaction-mnemonic", "--folder", out, "--epoch", "7"]);
    let at = await s.answer("Your mnemonic (words separated by spaces; hidden): ", MNEMONIC);
    at = await s.answer("[btc20-mainnet]: ", "btc20-devnet", at);
    at = await s.answer("Genesis validators root (0x + 64 hex digits): ", "0x1234", at);
    at = await s.answer("must be 32 bytes", GVR, at);
    at = await s.answer("Key index of the first validator [0]: ", "", at);
    at = await s.answer("Validator indices (separated by spaces or commas): ", "11, 11", at);
    at = await s.answer("validator index 11 is listed twice", "[11, 12]", at);
    at = await s.waitFor("Sign and write these exits? (yes/no): ", { from: at });
    const summary = s.raw().slice(0, at);
    expect(summary).to.match(/exit fork version +0x20200002/);
    expect(summary).to.include(GVR);
    expect(summary).to.match(/validator 11 +pubkey 0x[0-9a-f]{16}… \(key m\/12381\/3600\/0\/0\/0\)/);
    expect(summary).to.match(/validator 12 +pubkey 0x[0-9a-f]{16}… \(key m\/12381\/3600\/1\/0\/0\)/);
    s.type("yes");
    expect(await s.exitCode()).to.equal(0);
    const files = exitFiles(out);
    expect(files).to.have.length(2);

    const scripted = dir();
    const run = await runCli([
      "exit-transaction-mnemonic",
      "--mnemonic",
      MNEMONIC,
      "--network",
      "btc20-devnet",
      "--genesis-validators-root",
      GVR,
      "--validator-indices",
      "11,12",
      "--epoch",
      "7",
      "--folder",
      scripted,
      "--non-interactive",
    ]);
    expect(run.code, run.stderr).to.equal(0);
    expect(exitFiles(scripted)).to.deep.equal(files);
    const keys = deriveValidatorKeys(mnemonicToSeedSync(MNEMONIC), 3600, 0, 2);
    const params = exitDomainParams(BTC20_DEVNET, GVR);
    files.forEach((text, i) => {
      const signed = parseSignedVoluntaryExitJson(text);
      expect(signed.message).to.deep.equal({ epoch: 7, validatorIndex: 11 + i });
      expect(
        verifySignedVoluntaryExit(bls, bls.secretKeyToPublicKey(keys[i]!.signingSecretKey), signed, params),
      ).to.equal(true);
    });
  });

  it("exit-transaction-keystore: re-asks a missing file and a wrong password; 'no' writes nothing", async () => {
    const out = dir();
    const [key] = deriveValidatorKeys(mnemonicToSeedSync(MNEMONIC), 3600, 0, 1);
    const keystore = await createKeystore(key!.signingSecretKey, PASSWORD, {
      path: key!.signingKeyPath,
      kdf: { function: "pbkdf2", c: 2 ** 14 },
    });
    const file = path.join(out, "keystore.json");
    writeFileSync(file, JSON.stringify(keystore));
    const s = start(["exit-transaction-keystore", "--folder", out, "--network", "hoodi"]);
    let at = await s.answer("Keystore file: ", path.join(out, "missing.json"));
    at = await s.answer("cannot read keystore", file, at);
    at = await s.answer("Keystore password (hidden): ", "wrong password", at);
    at = await s.answer("the password is wrong", PASSWORD, at);
    at = await s.answer("Validator index: ", "-1", at);
    at = await s.answer("must be an integer >= 0", "42", at);
    at = await s.waitFor("Sign and write these exits? (yes/no): ", { from: at });
    expect(s.raw().slice(0, at)).to.match(/exit fork version +0x40000910/);
    s.type("no");
    expect(await s.exitCode(), s.history()).to.equal(7);
    expect(existsSync(path.join(out, "exit_transactions"))).to.equal(false);
    expect(s.raw()).to.not.include(PASSWORD);

    const passwordFile = path.join(out, "pw.txt");
    writeFileSync(passwordFile, PASSWORD);
    const run = await runCli([
      "exit-transaction-keystore",
      "--keystore",
      file,
      "--keystore-password-file",
      passwordFile,
      "--validator-index",
      "42",
      "--network",
      "hoodi",
      "--folder",
      out,
      "--non-interactive",
    ]);
    expect(run.code, run.stderr).to.equal(0);
    const [text] = exitFiles(out);
    expect(text).to.match(/^\{"message": \{"epoch": "0", "validator_index": "42"\}, "signature": "0x[0-9a-f]{192}"\}$/);
  });

  it("verify: asks the network, defaulting to the file's", async () => {
    const out = dir();
    const passwordFile = path.join(out, "pw.txt");
    writeFileSync(passwordFile, PASSWORD);
    const made = await runCli(
      [
        "existing-mnemonic",
        "--network",
        "hoodi",
        "--num-validators",
        "1",
        "--keystore-password-file",
        passwordFile,
        "--folder",
        out,
        "--non-interactive",
        "--test-only-weak-kdf",
      ],
      { stdin: MNEMONIC },
    );
    expect(made.code, made.stderr).to.equal(0);
    const folder = path.join(out, "validator_keys");
    const depositData = path.join(folder, readdirSync(folder).find((n) => n.startsWith("deposit_data-"))!);
    const s = start(["verify", depositData]);
    await s.answer("[hoodi]: ", "");
    await s.waitFor("All 1 deposit(s) are valid for hoodi");
    expect(await s.exitCode()).to.equal(0);
  });

  it("Ctrl-C at a question ends the command (exit 7); the up-arrow never brings back an earlier answer", async () => {
    const s = start(["existing-mnemonic", "--folder", dir(), "--network", "hoodi"]);
    let at = await s.answer("Your mnemonic (words separated by spaces; hidden): ", MNEMONIC);
    at = await s.waitFor("First key index [0]: ", { from: at });
    // No line history: "Up" must not recall the mnemonic typed before.
    s.key("Up");
    s.type("");
    at = await s.waitFor("Number of validators: ", { from: at });
    expect(s.history()).to.not.include("abandon");
    s.key("C-c");
    expect(await s.exitCode()).to.equal(7);
    expect(s.history()).to.match(/aborted with Ctrl-C; nothing more was written/);
  });
});
