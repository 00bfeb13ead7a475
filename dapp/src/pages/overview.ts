// Overview: what staking on BTC20 means, and the risks a staker acknowledges before going on (kept for this tab).
import { appConfig } from "../config.js";
import { h } from "../dom.js";

const RISKS: { id: string; title: string; text: string }[] = [
  {
    id: "stake",
    title: "Proof of stake",
    text: "A validator stakes 1000 BTCC and earns rewards for proposing and attesting to blocks. The stake is locked until the validator exits and is withdrawable.",
  },
  {
    id: "slashing",
    title: "Slashing",
    text: "Running the same keys on two machines, or signing two conflicting blocks or votes, gets the validator slashed: it loses part of its stake and is removed. Run each key once, with slashing protection.",
  },
  {
    id: "uptime",
    title: "Uptime",
    text: "An offline validator loses a little stake every epoch, and much more during an inactivity leak. Keep your node and validator client running and updated.",
  },
  {
    id: "keys",
    title: "Key loss",
    text: "Your mnemonic is the only way to recover your validator and withdrawal keys. Lose it and the stake is lost; anyone who sees it can take the stake. Write it down offline; never type it into a website you do not trust.",
  },
  {
    id: "irreversible",
    title: "No way back",
    text: "A deposit cannot be cancelled or refunded. A deposit with wrong data is lost. This page checks every deposit before sending, but you are responsible for what you send.",
  },
  {
    id: "phishing",
    title: "Phishing",
    text: "Check the address of this page and the deposit contract address in your wallet. Nobody from BTC20 will ever ask for your mnemonic.",
  },
];

const ACK_KEY = "btc20-dapp:acknowledged";

export function acknowledged(): boolean {
  return sessionStorage.getItem(ACK_KEY) === RISKS.map((r) => r.id).join(",");
}

export default function overview(main: HTMLElement): void {
  const cfg = appConfig();
  const boxes = RISKS.map((r) =>
    h("input", { type: "checkbox", id: `ack-${r.id}`, checked: acknowledged(), "aria-describedby": `ack-${r.id}-d` }),
  );
  const go = h("a", { href: "#/keys", class: "button", "aria-disabled": "true", id: "ack-continue" }, "Continue");
  const update = () => {
    const all = boxes.every((b) => b.checked);
    go.setAttribute("aria-disabled", String(!all));
    if (all) sessionStorage.setItem(ACK_KEY, RISKS.map((r) => r.id).join(","));
    else sessionStorage.removeItem(ACK_KEY);
  };
  go.addEventListener("click", (e) => {
    if (go.getAttribute("aria-disabled") === "true") e.preventDefault();
  });
  for (const b of boxes) b.addEventListener("change", update);
  update();
  main.append(
    h("h1", {}, "Stake BTCC on ", cfg.networkName),
    h(
      "p",
      { class: "lead" },
      "Become a validator in four steps: make keys, upload their deposit data, connect a wallet, send. Every deposit is checked here before it is sent, one wallet confirmation covers a whole batch, and you can follow each key until it is active, straight from a BTC20 node.",
    ),
    h(
      "ol",
      { class: "steps" },
      h("li", {}, h("a", { href: "#/keys" }, "Make keys"), " with btc20-deposit"),
      h("li", {}, h("a", { href: "#/upload" }, "Upload"), " deposit_data-*.json (checked in your browser)"),
      h("li", {}, h("a", { href: "#/deposit" }, "Connect a wallet and send"), " in batches"),
      h("li", {}, h("a", { href: "#/status" }, "Follow activation"), " live"),
    ),
    h("h2", {}, "Before you stake, please acknowledge"),
    h(
      "ul",
      { class: "acks" },
      RISKS.map((r, i) =>
        h(
          "li",
          {},
          boxes[i],
          h("label", { for: `ack-${r.id}` }, h("strong", {}, r.title)),
          h("p", { id: `ack-${r.id}-d` }, r.text),
        ),
      ),
    ),
    go,
  );
}
