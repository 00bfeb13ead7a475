// Top-up: add coins to an existing validator by its public key. No signature is needed (the beacon chain checks the
// signature of a key's first deposit only); the SDK's DepositClient.topUp refuses keys without a valid deposit.
import { coinsToGwei, type DepositClientError, gweiToCoins, normalizePubkey } from "../../../sdk/browser.js";
import { SEND_ADVICE } from "../advice.js";
import { appConfig } from "../config.js";
import { h, statusLine } from "../dom.js";
import { resolveNetwork } from "../network.js";
import { type Connected, walletPanel } from "../walletPanel.js";

export default function topup(main: HTMLElement, params: string[]): void {
  const cfg = appConfig();
  const resolved = resolveNetwork(cfg);
  const { network } = resolved;
  let connection: Connected | null = null;
  const pubkey = h("input", {
    type: "text",
    id: "topup-pubkey",
    value: params[0] ?? "",
    placeholder: "0x… validator public key",
    autocomplete: "off",
    spellcheck: "false",
  });
  const amount = h("input", { type: "text", id: "topup-amount", value: "1", inputmode: "decimal" });
  const button = h("button", { type: "submit", disabled: true, "data-testid": "topup-send" }, "Top up");
  const line = statusLine();
  const form = h(
    "form",
    { class: "card" },
    h("label", { for: "topup-pubkey" }, "Validator public key"),
    pubkey,
    h(
      "label",
      { for: "topup-amount" },
      `Amount (${network.coinSymbol}, at least ${gweiToCoins(network.minDepositGwei)})`,
    ),
    amount,
    h("p", {}, button),
    line,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!connection) return;
    line.classList.remove("error");
    button.disabled = true;
    try {
      const key = normalizePubkey(pubkey.value.trim());
      const gwei = coinsToGwei(amount.value.trim());
      line.textContent = "Checking the key's deposits, then confirm in your wallet…";
      const sent = await connection.client.topUp(key, gwei);
      line.textContent = `Topped up ${gweiToCoins(gwei)} ${network.coinSymbol}: deposit #${sent.depositIndex}, transaction ${sent.txHash}.`;
      line.classList.add("ok");
    } catch (err) {
      const x = err as DepositClientError;
      line.textContent = `${x.code ?? "ERROR"}: ${x.message}. ${SEND_ADVICE[x.code] ?? ""}`;
      line.classList.add("error");
    } finally {
      button.disabled = !connection;
    }
  });
  main.append(
    h("h1", {}, "Top up a validator"),
    h(
      "p",
      {},
      "Adds coins to a validator that already has a deposit: for example after penalties, to get back to the full effective balance. No deposit data or key is needed.",
    ),
    walletPanel(cfg, resolved, (c) => {
      connection = c;
      button.disabled = !c;
    }),
    form,
  );
}
