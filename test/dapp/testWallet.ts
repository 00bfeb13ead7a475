// An EIP-1193 wallet injected into the page (announced over EIP-6963) whose requests are answered here, in the test:
// a real key (ethers Wallet) signs real transactions and sends them to the devnet's Hardhat JSON-RPC; reads are
// forwarded there. The test plays the user: it approves or rejects (EIP-1193 error 4001) each transaction, and can
// start the wallet on another chain to exercise wallet_switchEthereumChain / wallet_addEthereumChain.
import { JsonRpcProvider, Wallet } from "ethers";
import type { BrowserContext, Page } from "playwright-core";

export type Decision = "approve" | "reject";

export interface TestWalletOptions {
  rpcUrl: string;
  privateKey: string;
  /** chain the wallet starts on (e.g. 1, to make the dApp ask for a switch); default the RPC's */
  startChainId?: number;
}

/** The page side: a provider object, EIP-6963 announcement, events pushed from the test. */
const PAGE_SCRIPT = `(() => {
  const listeners = {};
  const provider = {
    isBtc20TestWallet: true,
    request: async ({ method, params }) => {
      const answer = await window.__btc20WalletRequest(JSON.stringify({ method, params: params ?? [] }));
      const parsed = JSON.parse(answer);
      if (parsed.error) {
        const err = new Error(parsed.error.message);
        err.code = parsed.error.code;
        throw err;
      }
      return parsed.result;
    },
    on: (event, fn) => { (listeners[event] ??= new Set()).add(fn); },
    removeListener: (event, fn) => { listeners[event]?.delete(fn); },
  };
  window.__btc20WalletEmit = (event, value) => { for (const fn of listeners[event] ?? []) fn(value); };
  const info = { uuid: "6d1f6c1e-0000-4000-8000-btc20test001", name: "BTC20 Test Wallet", icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>", rdns: "org.btc20.testwallet" };
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;

export class TestWallet {
  readonly rpc: JsonRpcProvider;
  readonly signer: Wallet;
  chainId: number;
  private realChainId = 0;
  /** what to answer to the next transaction requests (default approve) */
  decisions: Decision[] = [];
  /** every request the page made, in order */
  readonly requests: string[] = [];
  sentTransactions: string[] = [];
  knownChains = new Set<number>();
  private pages: Page[] = [];

  constructor(readonly opts: TestWalletOptions) {
    this.rpc = new JsonRpcProvider(opts.rpcUrl, undefined, { batchMaxCount: 1, cacheTimeout: -1 });
    this.signer = new Wallet(opts.privateKey, this.rpc);
    this.chainId = opts.startChainId ?? 0;
  }

  get address(): string {
    return this.signer.address;
  }

  async install(context: BrowserContext): Promise<void> {
    this.realChainId = Number((await this.rpc.getNetwork()).chainId);
    if (!this.chainId) this.chainId = this.realChainId;
    this.knownChains.add(this.chainId);
    await context.exposeBinding("__btc20WalletRequest", async ({ page }, raw: string) => {
      if (!this.pages.includes(page)) this.pages.push(page);
      const { method, params } = JSON.parse(raw) as { method: string; params: unknown[] };
      this.requests.push(method);
      try {
        return JSON.stringify({ result: await this.answer(method, params) });
      } catch (e) {
        const err = e as { code?: number; message?: string; error?: { code?: number; message?: string } };
        const code = typeof err.code === "number" ? err.code : (err.error?.code ?? -32603);
        return JSON.stringify({ error: { code, message: err.error?.message ?? err.message ?? String(e) } });
      }
    });
    await context.addInitScript(PAGE_SCRIPT);
  }

  /** Transactions the page asked to sign so far. */
  get confirmations(): number {
    return this.requests.filter((m) => m === "eth_sendTransaction").length;
  }

  private async emit(event: string, value: unknown): Promise<void> {
    for (const page of this.pages) {
      if (!page.isClosed())
        await page.evaluate(
          ([e, v]) =>
            (window as never as { __btc20WalletEmit: (e: string, v: unknown) => void }).__btc20WalletEmit(
              e as string,
              v,
            ),
          [event, value] as const,
        );
    }
  }

  private async answer(method: string, params: unknown[]): Promise<unknown> {
    switch (method) {
      case "eth_requestAccounts":
      case "eth_accounts":
        return [this.address];
      case "eth_chainId":
        return `0x${this.chainId.toString(16)}`;
      case "net_version":
        return String(this.chainId);
      case "wallet_switchEthereumChain": {
        const wanted = Number(BigInt((params[0] as { chainId: string }).chainId));
        if (!this.knownChains.has(wanted)) throw { code: 4902, message: `Unrecognized chain ID ${wanted}` };
        await this.switchTo(wanted);
        return null;
      }
      case "wallet_addEthereumChain": {
        const wanted = Number(BigInt((params[0] as { chainId: string }).chainId));
        if (wanted !== this.realChainId) throw { code: 4001, message: "test wallet: unknown RPC for that chain" };
        this.knownChains.add(wanted);
        await this.switchTo(wanted);
        return null;
      }
      case "eth_sendTransaction": {
        if (this.chainId !== this.realChainId) throw { code: 4901, message: "wallet is on another chain" };
        const decision = this.decisions.shift() ?? "approve";
        if (decision === "reject") throw { code: 4001, message: "User rejected the request." };
        const tx = params[0] as { to: string; data?: string; value?: string; gas?: string };
        const sent = await this.signer.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : 0n,
          gasLimit: tx.gas ? BigInt(tx.gas) : undefined,
        });
        this.sentTransactions.push(sent.hash);
        return sent.hash;
      }
      default:
        if (this.chainId !== this.realChainId && method !== "eth_blockNumber") {
          throw { code: 4901, message: "wallet is on another chain" };
        }
        return this.rpc.send(method, params);
    }
  }

  private async switchTo(chainId: number): Promise<void> {
    if (chainId === this.chainId) return;
    this.chainId = chainId;
    // after the reply: the page hears about it as a wallet event
    setTimeout(() => void this.emit("chainChanged", `0x${chainId.toString(16)}`).catch(() => {}), 0);
  }
}
