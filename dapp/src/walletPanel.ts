// The wallet step: pick a discovered wallet, connect, get onto the staking network's chain, then a DepositClient.
// The connection is kept while the user moves between pages.
import { BrowserProvider, formatEther, type JsonRpcSigner } from "ethers";
import { bls, DepositClient, type DepositClientError } from "../../sdk/browser.js";
import { SEND_ADVICE } from "./advice.js";
import type { AppConfig } from "./config.js";
import { h, render, statusLine } from "./dom.js";
import type { ResolvedNetwork } from "./network.js";
import {
  type DiscoveredWallet,
  discoverWallets,
  type Eip1193Provider,
  rpcErrorCode,
  stopWatchingWallets,
  switchChain,
} from "./wallet.js";

export interface Connected {
  wallet: DiscoveredWallet;
  provider: BrowserProvider;
  signer: JsonRpcSigner;
  address: string;
  client: DepositClient;
}

let connected: Connected | null = null;
let watched: Eip1193Provider | null = null;
/** The panel on screen: a chain or account change in the wallet drops the connection and re-renders it. */
let activePanel: { onReady: (c: Connected | null) => void; show: () => void } | null = null;

export function currentConnection(): Connected | null {
  return connected;
}

/** The wallet panel; calls `onReady` with the connection once the wallet is on the right chain (null when lost). */
export function walletPanel(
  cfg: AppConfig,
  resolved: ResolvedNetwork,
  onReady: (c: Connected | null) => void,
): HTMLElement {
  const box = h("section", { class: "card", "aria-labelledby": "wallet-h" });
  const line = statusLine();
  const { network } = resolved;

  const show = () => {
    if (!box.isConnected && box.childElementCount > 0) {
      stopWatchingWallets(show);
      return;
    }
    if (connected) {
      render(
        box,
        h("h2", { id: "wallet-h" }, "Wallet"),
        h(
          "p",
          {},
          "Connected ",
          h("strong", {}, connected.wallet.info.name),
          ": ",
          h("code", { "data-testid": "wallet-address" }, connected.address),
        ),
        h("p", { "data-testid": "wallet-balance" }, "Balance: …"),
        line,
      );
      void connected.provider.getBalance(connected.address).then((b) => {
        const el = box.querySelector("[data-testid=wallet-balance]");
        if (el) el.textContent = `Balance: ${formatEther(b)} ${network.coinSymbol}`;
      });
      return;
    }
    const wallets = discoverWallets(show);
    render(
      box,
      h("h2", { id: "wallet-h" }, "Wallet"),
      wallets.length === 0
        ? h(
            "p",
            {},
            "No browser wallet found. Install an EIP-1193 wallet (browser extension or a mobile wallet's browser), then reload.",
          )
        : h(
            "div",
            { class: "row" },
            wallets.map((w) =>
              h(
                "button",
                { type: "button", onclick: () => void connect(w) },
                w.info.icon ? h("img", { src: w.info.icon, alt: "", width: 20, height: 20 }) : null,
                `Connect ${w.info.name}`,
              ),
            ),
          ),
      line,
    );
  };

  const fail = (text: string) => {
    line.textContent = text;
    line.classList.add("error");
  };

  const connect = async (w: DiscoveredWallet) => {
    line.classList.remove("error");
    line.textContent = `Asking ${w.info.name} for an account…`;
    try {
      const accounts = (await w.provider.request({ method: "eth_requestAccounts" })) as string[];
      if (!accounts?.length) return fail("The wallet returned no account.");
      await ensureChain(w);
    } catch (e) {
      if (rpcErrorCode(e) === 4001)
        return fail("You rejected the connection in the wallet (4001). Connect again when ready.");
      fail(`Could not connect: ${(e as Error).message}`);
    }
  };

  const ensureChain = async (w: DiscoveredWallet) => {
    const chainHex = (await w.provider.request({ method: "eth_chainId" })) as string;
    const chainId = BigInt(chainHex);
    if (network.chainId !== null && chainId !== network.chainId) {
      render(
        box,
        h("h2", { id: "wallet-h" }, "Wallet"),
        h(
          "p",
          { class: "warn", "data-testid": "wrong-chain" },
          `${w.info.name} is on chain ${chainId}; ${network.name} is chain ${network.chainId}.`,
        ),
        h(
          "button",
          {
            type: "button",
            onclick: async () => {
              try {
                await switchChain(w.provider, {
                  chainId: network.chainId!,
                  name: network.name,
                  coinSymbol: network.coinSymbol,
                  rpcUrl: cfg.rpcUrl,
                });
                await ensureChain(w);
              } catch (e) {
                fail(
                  rpcErrorCode(e) === 4001
                    ? "You rejected the chain switch (4001)."
                    : `Could not switch: ${(e as Error).message}`,
                );
              }
            },
          },
          `Switch wallet to ${network.name}`,
        ),
        line,
      );
      return;
    }
    const provider = new BrowserProvider(w.provider);
    const signer = await provider.getSigner();
    let client: DepositClient;
    try {
      client = await DepositClient.connect({ signer, network, bls, fromBlock: resolved.fromBlock });
    } catch (e) {
      const err = e as DepositClientError;
      return fail(`${err.code ?? "ERROR"}: ${err.message}. ${SEND_ADVICE[err.code] ?? ""}`);
    }
    connected = { wallet: w, provider, signer, address: await signer.getAddress(), client };
    line.textContent = "";
    watch(w.provider);
    show();
    onReady(connected);
  };

  const watch = (p: Eip1193Provider) => {
    if (watched === p || !p.on) return;
    watched = p;
    const reset = () => {
      connected = null;
      activePanel?.onReady(null);
      activePanel?.show();
    };
    // a change to what is already in use (e.g. the echo of our own switch request) keeps the connection
    p.on("chainChanged", (chainHex) => {
      if (connected && network.chainId !== null && BigInt(String(chainHex)) === network.chainId) return;
      reset();
    });
    p.on("accountsChanged", (accounts) => {
      const first = Array.isArray(accounts) ? String(accounts[0] ?? "") : "";
      if (connected && first.toLowerCase() === connected.address.toLowerCase()) return;
      reset();
    });
  };

  activePanel = { onReady, show };
  show();
  if (connected) queueMicrotask(() => onReady(connected));
  return box;
}
