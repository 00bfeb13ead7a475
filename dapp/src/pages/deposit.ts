// Deposit: wallet, summary with acknowledgements, then sending in batches with DepositClient.depositMany (one wallet
// confirmation per batch), per-key status, resumable. Never a double deposit: before each run the keys already in
// the contract's logs (from the deployment block) or known to the node are marked "already deposited" and skipped,
// and nothing is sent while a transaction this browser sent is still pending (or the account has pending ones: the
// SDK refuses with PENDING_TRANSACTIONS).
import { formatEther } from "ethers";
import {
  type DepositClientError,
  type DepositDataRecord,
  type DepositProgressEvent,
  getValidatorStatusInfos,
  gweiToCoins,
  toHex,
  WEI_PER_GWEI,
} from "../../../sdk/browser.js";
import { SEND_ADVICE } from "../advice.js";
import { appConfig } from "../config.js";
import { h, render, shortHex, statusLine } from "../dom.js";
import { KEY_STATE_LABEL, type KeyState, Ledger } from "../ledger.js";
import { resolveNetwork } from "../network.js";
import { loadedFile, savedFile } from "../session.js";
import { type Connected, walletPanel } from "../walletPanel.js";

const ACKS = [
  "I keep my mnemonic safe and offline; losing it loses the stake.",
  "I run each validator key on one machine only (slashing).",
  "Deposits cannot be reversed.",
  "I checked that this page and the deposit contract address are the real ones.",
];

/** Gas for a batchDeposit of n keys, with headroom (measured ~45k + 13.5k per key). */
const gasFor = (n: number) => 80_000n + 20_000n * BigInt(n);

export default function deposit(main: HTMLElement, _params: string[], signal: AbortSignal): void {
  const cfg = appConfig();
  main.append(h("h1", {}, "Send deposits"));
  const file = loadedFile();
  if (!file) {
    const saved = savedFile(cfg);
    main.append(
      h(
        "p",
        {},
        saved ? `Your file ${saved.name} is being checked again: ` : "First upload your deposit data: ",
        h("a", { href: "#/upload" }, "Upload"),
        ".",
      ),
    );
    if (saved) location.hash = "#/upload";
    return;
  }
  const resolved = resolveNetwork(cfg);
  const { network } = resolved;
  const records = file.result.entries.map((e) => e.record!) as DepositDataRecord[];
  const pubkeys = records.map((r) => toHex(r.pubkey));
  const ledger = new Ledger(cfg, network.depositContractAddress!);
  const states = new Map<string, KeyState>(pubkeys.map((k) => [k, ledger.get(k)?.state ?? "ready"]));
  let connection: Connected | null = null;
  let sending = false;

  const line = statusLine();
  const summary = h("section", { class: "card", "aria-labelledby": "sum-h" });
  const table = h("tbody", {});
  const rows = new Map<string, HTMLTableRowElement>();
  const batchInput = h("input", {
    type: "number",
    id: "batch",
    min: 1,
    max: 100,
    value: String(Math.min(50, records.length)),
    inputmode: "numeric",
  });
  const ackBoxes = ACKS.map((_, i) => h("input", { type: "checkbox", id: `send-ack-${i}` }));
  const sendButton = h("button", { type: "button", disabled: true, "data-testid": "send" }, "Send");

  const setState = (
    pubkey: string,
    state: KeyState,
    extra: { txHash?: string; depositIndex?: string; message?: string } = {},
  ) => {
    states.set(pubkey, state);
    ledger.set(pubkey, { ...ledger.get(pubkey), state, ...extra });
    const row = rows.get(pubkey);
    if (row) {
      row.dataset.state = state;
      const badge = row.querySelector(".badge")!;
      badge.className = `badge ${state}`;
      badge.textContent = KEY_STATE_LABEL[state];
      const rec = ledger.get(pubkey);
      const tx = extra.txHash ?? rec?.txHash;
      row.querySelector(".tx")!.textContent = tx && state !== "already-deposited" ? shortHex(tx, 8) : "";
    }
  };

  const todo = () =>
    pubkeys.map((k, i) => ({ k, i })).filter(({ k }) => ["ready", "rejected", "failed"].includes(states.get(k)!));
  const count = (s: KeyState) => [...states.values()].filter((x) => x === s).length;

  const renderSummary = () => {
    const n = todo().length;
    const batch = Math.max(1, Math.min(100, Number(batchInput.value) || 1));
    const batches = Math.ceil(n / batch);
    const totalGwei = todo().reduce((s, { i }) => s + records[i]!.amountGwei, 0n);
    render(
      summary,
      h("h2", { id: "sum-h" }, "Summary"),
      h(
        "ul",
        { "data-testid": "summary" },
        h("li", {}, `File: ${file.name} (${records.length} validators)`),
        h(
          "li",
          { "data-testid": "to-send" },
          `To send: ${n} deposit(s), ${gweiToCoins(totalGwei)} ${network.coinSymbol}, in ${batches} transaction(s)`,
        ),
        h(
          "li",
          {},
          `Already deposited (skipped): ${count("already-deposited")}; mined from this browser: ${count("mined")}; pending: ${count("pending")}`,
        ),
        h("li", {}, `Deposit contract: `, h("code", {}, network.depositContractAddress!), ` (${resolved.source})`),
      ),
      h("label", { for: "batch" }, "Deposits per transaction (one wallet confirmation each; 100 ≈ 1.5 M gas)"),
      batchInput,
      h(
        "fieldset",
        {},
        h("legend", {}, "Confirm"),
        ACKS.map((text, i) => h("div", { class: "row" }, ackBoxes[i], h("label", { for: `send-ack-${i}` }, text))),
      ),
      h("div", { class: "row" }, sendButton),
    );
    updateButton();
  };

  const updateButton = () => {
    const n = todo().length;
    const pending = count("pending") + count("awaiting-signature");
    sendButton.disabled = sending || !connection || n === 0 || pending > 0 || !ackBoxes.every((b) => b.checked);
    sendButton.textContent =
      n === 0
        ? "Nothing to send"
        : [...states.values()].some((s) => s === "rejected" || s === "failed")
          ? `Resume: send ${n}`
          : `Send ${n} deposit(s)`;
  };

  /** Brings every key's state up to date from the chain, the node and this browser's pending transactions. */
  const refresh = async (c: Connected) => {
    line.textContent = "Checking the contract's logs and the node for keys already deposited…";
    const existing = await c.client.existingDeposits();
    const known = new Set<string>();
    try {
      const infos = await getValidatorStatusInfos(
        { baseUrl: cfg.nodeUrl },
        pubkeys.map((k) => `0x${k}`),
      );
      for (const info of infos) if (info.status !== null) known.add(info.pubkey);
    } catch (e) {
      line.textContent = `The node did not answer (${(e as Error).message}); only the contract's logs were checked.`;
    }
    for (const k of pubkeys) {
      const mine = ledger.get(k);
      if (mine?.state === "pending" && mine.txHash) {
        const receipt = await c.provider.getTransactionReceipt(mine.txHash);
        if (!receipt) continue; // still pending: never send it again
        if (receipt.status !== 1) setState(k, "failed", { message: "the transaction reverted" });
      }
      if (existing.has(k)) {
        const ours =
          mine && (mine.state === "mined" || mine.state === "pending" || mine.state === "awaiting-signature");
        if (ours) setState(k, "mined", { depositIndex: String(existing.get(k)![0]!.depositIndex) });
        else setState(k, "already-deposited");
      } else if (known.has(`0x${k}`)) setState(k, "already-deposited");
      else if (mine?.state === "awaiting-signature") setState(k, "ready");
    }
    if (!line.textContent?.startsWith("The node")) line.textContent = "";
    renderSummary();
    const pending = count("pending");
    if (pending > 0) {
      line.textContent = `${pending} deposit(s) sent from this browser are not mined yet; waiting for them before sending more.`;
      setTimeout(() => {
        if (!signal.aborted && connection) void refresh(connection);
      }, 3000);
    }
  };

  const send = async () => {
    const c = connection;
    if (!c || sending) return;
    sending = true;
    updateButton();
    line.classList.remove("error");
    const errorBox = main.querySelector("[data-testid=send-error]");
    errorBox?.remove();
    try {
      await refresh(c);
      const batchSize = Math.max(1, Math.min(100, Number(batchInput.value) || 1));
      const list = todo();
      for (let start = 0; start < list.length; start += batchSize) {
        const batch = list.slice(start, start + batchSize);
        const value = batch.reduce((s, { i }) => s + records[i]!.amountGwei * WEI_PER_GWEI, 0n);
        // the balance is checked per batch still to send, not for the whole file
        const [balance, fee] = await Promise.all([c.provider.getBalance(c.address), c.provider.getFeeData()]);
        const gasCost = gasFor(batch.length) * (fee.maxFeePerGas ?? fee.gasPrice ?? 0n);
        if (balance < value + gasCost) {
          throw Object.assign(
            new Error(
              `this batch needs ${formatEther(value + gasCost)} ${network.coinSymbol} (deposits + gas); the account has ${formatEther(balance)}`,
            ),
            { code: "INSUFFICIENT_FUNDS" },
          );
        }
        line.textContent = `Batch ${start / batchSize + 1} of ${Math.ceil(list.length / batchSize)}: confirm ${batch.length} deposit(s) in your wallet…`;
        await c.client.depositMany(
          batch.map(({ i }) => records[i]!),
          { batchSize: batch.length, onProgress: (e) => onProgress(e) },
        );
      }
      line.textContent = `Done: every key of ${file.name} has its deposit.`;
      main.querySelector("[data-testid=done]")?.removeAttribute("hidden");
    } catch (e) {
      const err = e as DepositClientError;
      line.textContent = "";
      const box = h(
        "div",
        { class: "card", role: "alert", "data-testid": "send-error", "data-code": err.code ?? "ERROR" },
        h("p", { class: "error" }, h("strong", {}, err.code ?? "ERROR"), `: ${err.message}`),
        h("p", {}, SEND_ADVICE[err.code] ?? "Press Resume to try again; keys already mined are skipped."),
      );
      summary.after(box);
    } finally {
      sending = false;
      renderSummary();
    }
  };

  const onProgress = (e: DepositProgressEvent) => {
    const { pubkey } = e;
    switch (e.status) {
      case "skipped":
        return setState(pubkey, "already-deposited");
      case "awaiting-signature":
        return setState(pubkey, "awaiting-signature");
      case "submitted":
        return setState(pubkey, "pending", { txHash: e.txHash });
      case "mined":
        return setState(pubkey, "mined", { txHash: e.txHash, depositIndex: String(e.depositIndex) });
      case "failed":
        return setState(pubkey, e.error?.code === "USER_REJECTED" ? "rejected" : "failed", {
          message: e.error?.message,
        });
    }
  };

  batchInput.addEventListener("input", renderSummary);
  for (const b of ackBoxes) b.addEventListener("change", updateButton);
  sendButton.addEventListener("click", () => void send());

  for (const [i, k] of pubkeys.entries()) {
    const row = h(
      "tr",
      { "data-pubkey": k },
      h("td", { class: "hide-narrow" }, String(i)),
      h("td", {}, h("a", { href: `#/status/0x${k}`, title: `0x${k}` }, shortHex(k))),
      h("td", {}, h("span", { class: "badge" }, "")),
      h("td", { class: "tx hide-narrow" }),
    );
    rows.set(k, row);
    table.append(row);
    setState(k, states.get(k)!);
  }

  main.append(
    walletPanel(cfg, resolved, (c) => {
      connection = c;
      if (c) void refresh(c).catch((e) => (line.textContent = `Could not read the chain: ${(e as Error).message}`));
      else updateButton();
    }),
    summary,
    line,
    h("p", { hidden: true, "data-testid": "done" }, h("a", { href: "#/status", class: "button" }, "Follow activation")),
    h("h2", {}, "Keys"),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { "data-testid": "keys" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { class: "hide-narrow" }, "#"),
            h("th", {}, "pubkey"),
            h("th", {}, "status"),
            h("th", { class: "hide-narrow" }, "transaction"),
          ),
        ),
        table,
      ),
    ),
  );
  renderSummary();
}
