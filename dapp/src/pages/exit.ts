// Exit: submit a signed voluntary exit (the JSON btc20-deposit / the reference deposit CLI writes:
// {"message":{"epoch","validator_index"},"signature"}) to the node's POST /eth/v1/beacon/pool/voluntary_exits.
// Signing stays offline: this page never sees a key.
import { submitVoluntaryExit } from "../../../sdk/browser.js";
import { appConfig } from "../config.js";
import { h, statusLine } from "../dom.js";

export default function exit(main: HTMLElement): void {
  const cfg = appConfig();
  const text = h("textarea", {
    id: "exit-json",
    rows: 6,
    spellcheck: "false",
    placeholder: '{"message": {"epoch": "…", "validator_index": "…"}, "signature": "0x…"}',
  });
  const picker = h("input", { type: "file", id: "exit-file", accept: ".json,application/json" });
  const line = statusLine();
  const button = h("button", { type: "submit", "data-testid": "exit-send" }, "Submit exit");
  picker.addEventListener("change", async () => {
    const f = picker.files?.[0];
    if (f) text.value = await f.text();
  });
  const form = h(
    "form",
    { class: "card" },
    h("label", { for: "exit-file" }, "Signed exit file (signed_exit_transaction-*.json)"),
    picker,
    h("label", { for: "exit-json" }, "or paste it"),
    text,
    h("p", {}, button),
    line,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    line.className = "status-line";
    button.disabled = true;
    try {
      const sent = await submitVoluntaryExit({ baseUrl: cfg.nodeUrl }, text.value);
      line.textContent = `The node accepted the exit of validator ${sent.message.validator_index} (epoch ${sent.message.epoch}). It leaves after the exit queue; follow it on its status page.`;
      line.classList.add("ok");
    } catch (err) {
      const x = err as Error & { code?: string };
      line.textContent = `${x.code ?? "ERROR"}: ${x.message}`;
      line.classList.add("error");
    } finally {
      button.disabled = false;
    }
  });
  main.append(
    h("h1", {}, "Exit a validator"),
    h(
      "p",
      {},
      "An exit is final: the validator stops validating and, after the exit queue and the withdrawability delay, its stake can be withdrawn. Sign the exit offline with btc20-deposit (or your validator client), then submit it here to the node.",
    ),
    h("p", { class: "warn" }, "Keep the validator running until it has exited, or it is penalised for being offline."),
    form,
  );
}
