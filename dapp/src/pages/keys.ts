// Keys: how to make validator keys and deposit data with btc20-deposit (commands for this network), and, as an
// advanced option, deposit data made here from a mnemonic the user types. The mnemonic stays in this tab's memory
// only: never sent, never stored, the field is cleared after use.
import {
  bls,
  generateDepositData,
  getNetwork,
  mnemonicToSeedSync,
  serializeDepositDataFile,
  validateMnemonic,
} from "../../../sdk/browser.js";
import { checkFile } from "../checkFile.js";
import { appConfig } from "../config.js";
import { h, statusLine } from "../dom.js";

export default function keys(main: HTMLElement): void {
  const cfg = appConfig();
  const count = h("input", { type: "number", id: "keys-count", min: 1, max: 1000, value: "1", inputmode: "numeric" });
  const address = h("input", {
    type: "text",
    id: "keys-address",
    placeholder: "0x… withdrawal address (your own)",
    autocomplete: "off",
    spellcheck: "false",
  });
  const command = h("pre", { "data-testid": "keys-command" });
  const updateCommand = () => {
    command.textContent =
      `npx btc20-deposit new-mnemonic --network ${cfg.networkName} --num-validators ${count.value || 1} \\\n` +
      `  --withdrawal-address ${address.value.trim() || "0xYOUR_ADDRESS"}\n` +
      "# writes validator_keys/keystore-*.json (for your validator client) and deposit_data-*.json (upload it here)";
  };
  count.addEventListener("input", updateCommand);
  address.addEventListener("input", updateCommand);
  updateCommand();

  const mnemonic = h("textarea", {
    id: "mnemonic",
    rows: 3,
    autocomplete: "off",
    autocapitalize: "off",
    spellcheck: "false",
    "data-private": "true",
  });
  const start = h("input", { type: "number", id: "adv-start", min: 0, value: "0", inputmode: "numeric" });
  const advCount = h("input", { type: "number", id: "adv-count", min: 1, max: 200, value: "1", inputmode: "numeric" });
  const line = statusLine();
  const form = h(
    "form",
    { class: "card", autocomplete: "off" },
    h(
      "p",
      { class: "warn" },
      "Only on a computer you trust, offline if you can. The mnemonic is used in this tab and then forgotten; it is never sent or stored.",
    ),
    h("label", { for: "mnemonic" }, "Mnemonic (24 words)"),
    mnemonic,
    h("label", { for: "adv-start" }, "First validator index"),
    start,
    h("label", { for: "adv-count" }, "Number of validators"),
    advCount,
    h("p", { class: "muted" }, "Withdrawal address: the one typed above."),
    h("p", {}, h("button", { type: "submit" }, "Make deposit data")),
    line,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    line.className = "status-line";
    const words = mnemonic.value;
    mnemonic.value = "";
    try {
      validateMnemonic(words.trim());
      line.textContent = "Deriving keys and signing deposits…";
      await new Promise((r) => setTimeout(r, 0));
      const validators = generateDepositData({
        bls,
        seed: mnemonicToSeedSync(words.trim()),
        network: getNetwork(cfg.networkName),
        startIndex: Number(start.value) || 0,
        count: Math.max(1, Number(advCount.value) || 1),
        withdrawalAddress: address.value.trim() || null,
      });
      const text = serializeDepositDataFile(validators.map((v) => v.deposit));
      const name = `deposit_data-${Math.floor(Date.now() / 1000)}.json`;
      const download = h(
        "a",
        { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: name, class: "button" },
        `Download ${name}`,
      );
      await checkFile(cfg, name, text, () => {});
      line.replaceChildren(
        `Made deposit data for ${validators.length} validator(s). `,
        download,
        " ",
        h("a", { href: "#/upload", class: "button" }, "Use it"),
      );
    } catch (err) {
      line.textContent = `${(err as { code?: string }).code ?? "ERROR"}: ${(err as Error).message}`;
      line.classList.add("error");
    }
  });

  main.append(
    h("h1", {}, "Make your keys"),
    h(
      "p",
      {},
      "Make validator keys on a computer you trust with btc20-deposit. It writes a new mnemonic (write it down, offline), the keystores your validator client loads, and the deposit data you upload here.",
    ),
    h("label", { for: "keys-count" }, "Number of validators"),
    count,
    h("label", { for: "keys-address" }, "Withdrawal address"),
    address,
    command,
    h("p", {}, "Then ", h("a", { href: "#/upload" }, "upload the deposit_data-*.json file"), "."),
    h("details", {}, h("summary", {}, "Advanced: make deposit data in this browser from a mnemonic"), form),
  );
}
