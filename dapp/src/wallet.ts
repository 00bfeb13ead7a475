// Browser wallets: EIP-6963 discovery of injected EIP-1193 providers (several wallets side by side), with the legacy
// window.ethereum as a fallback; connecting; and moving the wallet to the staking network's chain
// (wallet_switchEthereumChain, or wallet_addEthereumChain when the wallet does not know the chain: error 4902).

export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
  on?(event: string, listener: (...args: unknown[]) => void): void;
  removeListener?(event: string, listener: (...args: unknown[]) => void): void;
}

export interface WalletInfo {
  uuid: string;
  name: string;
  icon: string;
  rdns: string;
}

export interface DiscoveredWallet {
  info: WalletInfo;
  provider: Eip1193Provider;
}

const found = new Map<string, DiscoveredWallet>();
const listeners = new Set<() => void>();
let started = false;

/** Starts EIP-6963 discovery (once) and returns the wallets announced so far; `onChange` hears later ones. */
export function discoverWallets(onChange?: () => void): DiscoveredWallet[] {
  if (onChange) listeners.add(onChange);
  if (!started) {
    started = true;
    window.addEventListener("eip6963:announceProvider", (event) => {
      const detail = (event as CustomEvent<DiscoveredWallet>).detail;
      if (!detail?.info?.uuid || !detail.provider) return;
      found.set(detail.info.uuid, detail);
      for (const l of listeners) l();
    });
    window.dispatchEvent(new Event("eip6963:requestProvider"));
  }
  const list = [...found.values()];
  const legacy = (window as { ethereum?: Eip1193Provider }).ethereum;
  if (list.length === 0 && legacy) {
    list.push({ info: { uuid: "window.ethereum", name: "Browser wallet", icon: "", rdns: "" }, provider: legacy });
  }
  return list;
}

export function stopWatchingWallets(onChange: () => void): void {
  listeners.delete(onChange);
}

/** An EIP-1193 error code (4001 user rejected, 4902 unknown chain, ...), if the error carries one. */
export function rpcErrorCode(e: unknown): number | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === "object"; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "number") return code;
    cur =
      (cur as { error?: unknown; info?: { error?: unknown } }).error ??
      (cur as { info?: { error?: unknown } }).info?.error;
  }
  return null;
}

export interface ChainToAdd {
  chainId: bigint;
  name: string;
  coinSymbol: string;
  rpcUrl: string | null;
}

/** Asks the wallet to switch to `chain`; adds it first if the wallet does not know it (4902). */
export async function switchChain(provider: Eip1193Provider, chain: ChainToAdd): Promise<void> {
  const chainId = `0x${chain.chainId.toString(16)}`;
  try {
    await provider.request({ method: "wallet_switchEthereumChain", params: [{ chainId }] });
  } catch (e) {
    if (rpcErrorCode(e) !== 4902) throw e;
    if (!chain.rpcUrl) throw new Error(`the wallet does not know chain ${chain.chainId} and no ?rpc= URL is set`);
    await provider.request({
      method: "wallet_addEthereumChain",
      params: [
        {
          chainId,
          chainName: chain.name,
          nativeCurrency: { name: chain.coinSymbol, symbol: chain.coinSymbol, decimals: 18 },
          rpcUrls: [chain.rpcUrl],
        },
      ],
    });
  }
}
