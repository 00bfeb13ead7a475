// Where the dApp finds its network, node and chain: URL query parameters (so a link carries them), else defaults.
//   ?network=btc20-devnet  the staking network (SDK name); default btc20-devnet in development, btc20-mainnet built
//   ?node=<url>            Beacon API of a btc20-node (needs --rest.cors for this origin); default: the dev proxy
//                          /beacon (npm run dapp) or http://127.0.0.1:5052
//   ?rpc=<url>             JSON-RPC offered to the wallet by wallet_addEthereumChain
//   ?contract=0x..&fromBlock=N   deposit contract and its deployment block, when deployments/<network>.json has none
// Nothing here imports the SDK: the overview page loads without it.

export interface AppConfig {
  networkName: string;
  nodeUrl: string;
  rpcUrl: string | null;
  contract: string | null;
  fromBlock: number | null;
}

const DEFAULT_RPC: Record<string, string> = { "btc20-devnet": "http://127.0.0.1:8545" };

export function appConfig(search = location.search): AppConfig {
  const q = new URLSearchParams(search);
  const networkName = q.get("network") ?? (import.meta.env.DEV ? "btc20-devnet" : "btc20-mainnet");
  const fromBlock = q.get("fromBlock");
  return {
    networkName,
    nodeUrl: (q.get("node") ?? (import.meta.env.DEV ? `${location.origin}/beacon` : "http://127.0.0.1:5052")).replace(
      /\/+$/,
      "",
    ),
    rpcUrl: q.get("rpc") ?? DEFAULT_RPC[networkName] ?? null,
    contract: q.get("contract"),
    fromBlock: fromBlock !== null && /^\d+$/.test(fromBlock) ? Number(fromBlock) : null,
  };
}

/** localStorage key prefix for this network (files and per-key sending state never mix across networks). */
export function storageKey(cfg: AppConfig, what: string): string {
  return `btc20-dapp:${cfg.networkName}:${what}`;
}
