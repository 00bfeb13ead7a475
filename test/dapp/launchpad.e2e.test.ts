// The staking dApp end to end in real Chromium against real devnet pieces: Hardhat's JSON-RPC with the
// DepositContract, a btc20-node process with its Beacon API (CORS for the dApp's origin), and an injected EIP-1193
// wallet answered by this test with a real key. Steps (in order, sharing one chain and one browser):
// overview by keyboard -> another network's file refused -> 3 keys sent in one confirmation (wallet switched from
// chain 1) -> re-upload sends nothing -> 100 keys: second confirmation rejected, reload, resume, no double deposit ->
// every key pending_queued then active_ongoing live -> top-up without a signature -> exit page -> no console errors.
// Screenshots of each step at desktop and phone size go to test-results/dapp/.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import type { BrowserContext, Page } from "playwright-core";
import { DEVNET_MNEMONIC, devnetKeys } from "../../scripts/devnet/keys.js";
import { bls } from "../../sdk/crypto/bls/index.js";
import { scanDepositEvents } from "../../sdk/deposit/client/index.js";
import { generateDepositData, serializeDepositDataFile } from "../../sdk/deposit/index.js";
import {
  exitDomainParams,
  exitTransactionFileName,
  serializeExitTransactionFile,
  signVoluntaryExit,
} from "../../sdk/exit/index.js";
import { mnemonicToSeedSync } from "../../sdk/keys/mnemonic.js";
import { BTC20_DEVNET, BTC20_MAINNET, type NetworkParams, toHex } from "../../sdk/networks/index.js";
import { type DappHarness, SCREENSHOT_DIR, startDappHarness } from "./dappHarness.js";
import { GENESIS_VALIDATORS } from "./devnetProcesses.js";
import { TestWallet } from "./testWallet.js";

// A throwaway test key (never for real funds), funded by the test with hardhat_setBalance.
const WALLET_KEY = "0x59c6995e998f97a5a0044966f0945389dc9c86dae88c7a8412f4603b6b78690d";
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

describe("dApp end to end in Chromium (devnet: Hardhat + DepositContract + btc20-node)", function () {
  this.timeout(300_000);
  let harness: DappHarness;
  let context: BrowserContext;
  let page: Page;
  let wallet: TestWallet;
  let files: string;
  const consoleErrors: string[] = [];
  const seed = mnemonicToSeedSync(DEVNET_MNEMONIC);

  const depositFile = (name: string, network: NetworkParams, startIndex: number, count: number) => {
    const entries = generateDepositData({ bls, seed, network, startIndex, count, withdrawalAddress: wallet.address });
    const file = path.join(files, name);
    writeFileSync(file, serializeDepositDataFile(entries.map((v) => v.deposit)));
    return { file, pubkeys: entries.map((v) => toHex(v.deposit.pubkey)) };
  };

  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-desktop.png`) });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-phone.png`), fullPage: false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name}: the page is wider than a phone screen`).to.be.at.most(0);
    await page.setViewportSize(DESKTOP);
  };

  const depositsByPubkey = async () => {
    const { eth1 } = harness.devnet;
    const events = await scanDepositEvents(eth1.provider, eth1.contractAddress, { fromBlock: eth1.deployBlock });
    const map = new Map<string, number>();
    for (const e of events) map.set(toHex(e.pubkey), (map.get(toHex(e.pubkey)) ?? 0) + 1);
    return map;
  };

  const upload = async (file: string) => {
    await page.goto(harness.pageUrl("#/upload"));
    await page.getByTestId("file-input").setInputFiles(file);
  };

  /** Connects unless the page already holds the connection (hash navigation keeps it). */
  const connectWallet = async () => {
    const button = page.getByRole("button", { name: /Connect BTC20 Test Wallet/ });
    const address = page.getByTestId("wallet-address");
    await button.or(address).first().waitFor();
    if (await button.isVisible()) await button.click();
    await address.waitFor();
  };

  const connectAndAck = async () => {
    await connectWallet();
    for (const box of await page.locator("input[id^=send-ack-]").all()) await box.check();
  };

  const keyStates = () =>
    page
      .locator("[data-testid=keys] tbody tr")
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.state));

  before(async () => {
    harness = await startDappHarness({
      validatorKeys: GENESIS_VALIDATORS + 100,
      log: (l) => console.log(`      ${l}`),
    });
    files = mkdtempSync(path.join(tmpdir(), "btc20-dapp-files-"));
    wallet = new TestWallet({ rpcUrl: harness.devnet.eth1.url, privateKey: WALLET_KEY, startChainId: 1 });
    await harness.devnet.eth1.provider.send("hardhat_setBalance", [wallet.address, `0x${(10n ** 24n).toString(16)}`]);
    context = await harness.browser.newContext({ viewport: DESKTOP });
    await wallet.install(context);
    page = await context.newPage();
    page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(`console: ${m.text()}`);
    });
  });

  after(async () => {
    await context?.close();
    await harness?.stop();
  });

  it("overview: the risk acknowledgements work with the keyboard alone", async () => {
    await page.goto(harness.pageUrl("#/"));
    await page.locator("body[data-ready]").waitFor();
    await shot("01-overview");
    const boxes = page.locator(".acks input[type=checkbox]");
    const n = await boxes.count();
    expect(n).to.equal(6);
    await boxes.first().focus();
    for (let i = 0; i < n; i++) {
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
    }
    expect(await page.locator("#ack-continue").getAttribute("aria-disabled")).to.equal("false");
    await page.locator("#ack-continue").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/keys$/);
    await page.getByTestId("keys-command").waitFor();
    expect(await page.getByTestId("keys-command").textContent()).to.include("--network btc20-devnet");
    await shot("02-keys");
  });

  it("keys: advanced deposit data from a typed mnemonic, checked, the mnemonic cleared and kept nowhere", async () => {
    await page.goto(harness.pageUrl("#/keys"));
    await page.locator("details summary").click();
    await page.locator("#keys-address").fill(wallet.address);
    await page.locator("#mnemonic").fill(DEVNET_MNEMONIC);
    await page.locator("#adv-start").fill("900");
    await page.locator("#adv-count").fill("2");
    await page.getByRole("button", { name: "Make deposit data" }).click();
    await page.getByText("Made deposit data for 2 validator(s).").waitFor({ timeout: 60_000 });
    expect(await page.locator("#mnemonic").inputValue()).to.equal("");
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).to.not.include("junk");
    // the same deposits as the SDK makes in Node for that mnemonic and index
    const expected = generateDepositData({
      bls,
      seed,
      network: BTC20_DEVNET,
      startIndex: 900,
      count: 2,
      withdrawalAddress: wallet.address,
    });
    expect(stored).to.include(toHex(expected[1]!.deposit.signature));
    await page.getByRole("link", { name: "Use it" }).click();
    await page.getByTestId("upload-ok").waitFor();
  });

  it("refuses a file made for another network, naming that network", async () => {
    const { file } = depositFile("deposit_data-mainnet.json", BTC20_MAINNET, 500, 2);
    await upload(file);
    const refused = page.getByTestId("upload-refused");
    await refused.waitFor();
    expect(await refused.textContent()).to.include("this file is for btc20-mainnet, not btc20-devnet");
    expect(await refused.locator("tr[data-code=WRONG_NETWORK]").count()).to.equal(2);
    await shot("03-wrong-network");
  });

  it("3 keys: verified in the worker, wallet moved to the devnet chain, one confirmation, all mined", async () => {
    const { file, pubkeys } = depositFile("deposit_data-3.json", BTC20_DEVNET, GENESIS_VALIDATORS, 3);
    await upload(file);
    await page.getByTestId("upload-ok").waitFor();
    await shot("04-upload-ok");
    await page.getByRole("link", { name: /Continue: connect a wallet/ }).click();
    await page.getByRole("button", { name: /Connect BTC20 Test Wallet/ }).click();
    await page.getByTestId("wrong-chain").waitFor();
    await shot("05-wrong-chain");
    await page.getByRole("button", { name: /Switch wallet to btc20-devnet/ }).click();
    await page.getByTestId("wallet-address").waitFor();
    expect(wallet.requests).to.include("wallet_addEthereumChain");
    for (const box of await page.locator("input[id^=send-ack-]").all()) await box.check();
    expect(await page.getByTestId("to-send").textContent()).to.include(
      "To send: 3 deposit(s), 3000 BTCC, in 1 transaction(s)",
    );
    await shot("06-summary");
    const before = wallet.confirmations;
    await page.getByTestId("send").click();
    await page.getByTestId("done").waitFor({ state: "visible", timeout: 60_000 });
    expect(wallet.confirmations - before).to.equal(1);
    expect(await keyStates()).to.deep.equal(["mined", "mined", "mined"]);
    const onChain = await depositsByPubkey();
    for (const k of pubkeys) expect(onChain.get(k)).to.equal(1);
    await shot("07-sent");
  });

  it("re-uploading the same file sends nothing", async () => {
    await upload(path.join(files, "deposit_data-3.json"));
    await page.getByTestId("upload-ok").waitFor();
    await page.getByRole("link", { name: /Continue: connect a wallet/ }).click();
    await page.getByTestId("wallet-address").waitFor();
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=to-send]")?.textContent?.includes("To send: 0"),
    );
    expect(await page.getByTestId("send").isDisabled()).to.equal(true);
    expect(await keyStates()).to.deep.equal(["mined", "mined", "mined"]);
  });

  it("100 keys in batches of 25: a rejected confirmation and a reload resume without a double deposit", async () => {
    const { file, pubkeys } = depositFile("deposit_data-100.json", BTC20_DEVNET, GENESIS_VALIDATORS, 100);
    await upload(file);
    await page.getByTestId("upload-ok").waitFor({ timeout: 60_000 });
    await page.getByRole("link", { name: /Continue: connect a wallet/ }).click();
    await connectAndAck();
    await page.locator("#batch").fill("25");
    await page.waitForFunction(() =>
      document
        .querySelector("[data-testid=to-send]")
        ?.textContent?.includes("To send: 97 deposit(s), 97000 BTCC, in 4 transaction(s)"),
    );
    const before = wallet.confirmations;
    wallet.decisions = ["approve", "reject"];
    await page.getByTestId("send").click();
    const error = page.getByTestId("send-error");
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute("data-code")).to.equal("USER_REJECTED");
    expect(wallet.confirmations - before).to.equal(2);
    let states = await keyStates();
    expect(states.filter((s) => s === "mined")).to.have.length(3 + 25);
    expect(states.filter((s) => s === "rejected")).to.have.length(25);
    await shot("08-rejected");

    // a reload: the file and each key's state come back; nothing is sent twice
    await page.reload();
    await page.getByTestId("upload-ok").waitFor({ timeout: 60_000 });
    await page.goto(harness.pageUrl("#/deposit"));
    await connectAndAck();
    await page.locator("#batch").fill("25");
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=to-send]")?.textContent?.includes("To send: 72 deposit(s)"),
    );
    expect(await page.getByTestId("send").textContent()).to.match(/^Resume: send 72/);
    const resumedFrom = wallet.confirmations;
    await page.getByTestId("send").click();
    await page.getByTestId("done").waitFor({ state: "visible", timeout: 90_000 });
    expect(wallet.confirmations - resumedFrom).to.equal(3);
    states = await keyStates();
    expect(states.every((s) => s === "mined")).to.equal(true);
    const onChain = await depositsByPubkey();
    for (const k of pubkeys) expect(onChain.get(k), `deposits of ${k.slice(0, 10)}`).to.equal(1);
    await shot("09-all-sent");
  });

  it("status: every key reaches pending_queued and then active_ongoing, live from the node", async () => {
    await page.goto(harness.pageUrl("#/status"));
    const rows = page.locator("[data-testid=status-table] tbody tr");
    await rows.nth(99).waitFor();
    expect(await rows.count()).to.equal(100);
    const statuses = () => rows.evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.status));
    const seen = new Set<string>();
    const deadline = Date.now() + 180_000;
    let queuedShot = false;
    for (;;) {
      const now = await statuses();
      for (const s of now) if (s) seen.add(s);
      if (!queuedShot && now.every((s) => s === "pending_queued")) {
        queuedShot = true;
        await shot("10-status-queued");
      }
      if (now.every((s) => s === "active_ongoing")) break;
      if (Date.now() > deadline) throw new Error(`not all active after 180 s: ${JSON.stringify([...new Set(now)])}`);
      await page.waitForTimeout(500);
    }
    expect([...seen]).to.include.members(["pending_queued", "active_ongoing"]);
    expect(await page.getByTestId("live").textContent()).to.match(/Every key is active|Live from/);
    await shot("11-status-active");
    // the shareable page of one key
    const key = (await rows.first().getAttribute("data-pubkey"))!;
    await page.goto(harness.pageUrl(`#/status/${key}`));
    await page.getByTestId("lifecycle").waitFor();
    expect(await page.locator("[data-testid=status-table] tbody tr").count()).to.equal(1);
    await page.locator(`tr[data-pubkey="${key}"][data-status=active_ongoing]`).waitFor({ timeout: 30_000 });
    expect(await page.locator("#share").inputValue()).to.include(`#/status/${key}`);
    await shot("12-status-one-key");
  });

  it("a deposit still pending in the wallet survives a reload: shown pending, never sent again, then mined", async () => {
    const { file, pubkeys } = depositFile("deposit_data-pending.json", BTC20_DEVNET, 300, 1);
    await upload(file);
    await page.getByTestId("upload-ok").waitFor({ timeout: 60_000 });
    await page.getByRole("link", { name: /Continue: connect a wallet/ }).click();
    await connectAndAck();
    await harness.devnet.setMining(false);
    try {
      const before = wallet.confirmations;
      await page.getByTestId("send").click();
      await page.locator(`tr[data-pubkey="${pubkeys[0]}"][data-state=pending]`).waitFor({ timeout: 30_000 });
      await page.reload();
      await page.getByTestId("upload-ok").waitFor({ timeout: 60_000 });
      await page.goto(harness.pageUrl("#/deposit"));
      await connectAndAck();
      await page.getByText(/not mined yet; waiting for them/).waitFor({ timeout: 30_000 });
      expect(await page.locator(`tr[data-pubkey="${pubkeys[0]}"]`).getAttribute("data-state")).to.equal("pending");
      expect(await page.getByTestId("send").isDisabled()).to.equal(true);
      await shot("13-pending-after-reload");
      expect(wallet.confirmations - before).to.equal(1);
    } finally {
      await harness.devnet.setMining(true);
    }
    await page.locator(`tr[data-pubkey="${pubkeys[0]}"][data-state=mined]`).waitFor({ timeout: 30_000 });
    expect((await depositsByPubkey()).get(pubkeys[0]!)).to.equal(1);
  });

  it("tops up a validator by pubkey without a signature, and refuses an unknown key", async () => {
    const key = `0x${(await depositsByPubkey()).keys().next().value}`;
    await page.goto(harness.pageUrl(`#/topup/${key}`));
    await connectWallet();
    await page.locator("#topup-amount").fill("2");
    await page.getByTestId("topup-send").click();
    await page.locator(".status-line.ok").waitFor({ timeout: 30_000 });
    const { eth1 } = harness.devnet;
    const events = await scanDepositEvents(eth1.provider, eth1.contractAddress, { fromBlock: eth1.deployBlock });
    const last = events.at(-1)!;
    expect(`0x${toHex(last.pubkey)}`).to.equal(key);
    expect(last.amountGwei).to.equal(2_000_000_000n);
    expect(toHex(last.signature)).to.equal("00".repeat(96));
    await shot("14-topup");
    await page.locator("#topup-pubkey").fill(`0x${"a".repeat(96)}`);
    await page.getByTestId("topup-send").click();
    await page.locator(".status-line.error").waitFor();
    expect(await page.locator(".status-line.error").textContent()).to.include("NOT_DEPOSITED");
  });

  it("exit page: a malformed exit is refused before sending; a signed exit file is accepted by the node", async () => {
    await page.goto(harness.pageUrl("#/exit"));
    await page.locator("#exit-json").fill('{"message": {"epoch": "1"}}');
    await page.getByTestId("exit-send").click();
    await page.locator(".status-line.error").waitFor();
    expect(await page.locator(".status-line.error").textContent()).to.include("BAD_EXIT_JSON");

    // genesis validator 7 signs its exit offline (the reference CLI's file), the page submits it
    const { restUrl } = harness.devnet;
    const genesis = (await (await fetch(`${restUrl}/eth/v1/beacon/genesis`)).json()).data;
    const signed = signVoluntaryExit(
      bls,
      devnetKeys(7, 1)[0]!.secretKey,
      { epoch: 0, validatorIndex: 7 },
      exitDomainParams(BTC20_DEVNET, genesis.genesis_validators_root),
    );
    const exitFile = path.join(files, exitTransactionFileName(7, Date.now() / 1000));
    writeFileSync(exitFile, serializeExitTransactionFile(signed));
    await page.locator("#exit-file").setInputFiles(exitFile);
    await page.waitForFunction(() => (document.getElementById("exit-json") as HTMLTextAreaElement).value.includes("7"));
    await page.getByTestId("exit-send").click();
    await page.locator(".status-line.ok").waitFor({ timeout: 30_000 });
    expect(await page.locator(".status-line.ok").textContent()).to.include("accepted the exit of validator 7");
    // pooled, or already in a block (then the validator has an exit epoch)
    const pool = (await (await fetch(`${restUrl}/eth/v1/beacon/pool/voluntary_exits`)).json()).data as {
      message: { validator_index: string };
    }[];
    const v7 = (await (await fetch(`${restUrl}/eth/v1/beacon/states/head/validators/7`)).json()).data;
    expect(
      pool.some((e) => e.message.validator_index === "7") || v7.validator.exit_epoch !== "18446744073709551615",
    ).to.equal(true);
    await shot("15-exit");
  });

  it("logged no console errors and no page errors in any step", () => {
    expect(consoleErrors).to.deep.equal([]);
  });
});
