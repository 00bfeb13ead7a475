// Eth1Provider over ethers v6 JSON-RPC providers (HTTP or WebSocket), with several endpoints and fallback.
import { type JsonRpcProvider, Network, WebSocketProvider } from "ethers";
import type { Logger } from "pino";
import type { RawLog } from "./depositLog.js";
import { DEPOSIT_EVENT_TOPIC } from "./depositLog.js";
import { FollowerError } from "./errors.js";
import type { Eth1BlockHeader, Eth1Provider } from "./eth1Provider.js";
import { FetchJsonRpcProvider } from "./fetchJsonRpcProvider.js";
import { fromHex } from "./hex.js";
import { classifyRpcError, describeRpcError } from "./rpcErrors.js";

// get_deposit_root() and get_deposit_count() selectors.
const GET_DEPOSIT_ROOT = "0xc5f2892f";
const GET_DEPOSIT_COUNT = "0x621fd130";

export interface JsonRpcEth1ProviderOptions {
  /** http(s):// or ws(s):// URLs, tried in order; a failing endpoint hands over to the next. */
  urls: string[];
  /** Every endpoint must report this chain id (eth_chainId) or it is never used. */
  chainId: number;
  depositContractAddress: string;
  /** Per request (default 10 s). */
  requestTimeoutMs?: number;
  /** Attempts per request over all endpoints (default 6). */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt (default 250 ms); rate limits wait 4x longer. */
  backoffMs?: number;
  maxBackoffMs?: number;
  logger?: Logger;
}

interface Endpoint {
  url: string;
  provider: JsonRpcProvider;
  chainChecked: boolean;
  disabled: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Hides userinfo and query strings (API keys) of an endpoint URL before it reaches a log or an error. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.length > 1 ? "/…" : ""}`;
  } catch {
    return "<invalid url>";
  }
}

export class JsonRpcEth1Provider implements Eth1Provider {
  private readonly endpoints: Endpoint[];
  private current = 0;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly address: string;

  constructor(private readonly options: JsonRpcEth1ProviderOptions) {
    if (options.urls.length === 0) throw new RangeError("at least one JSON-RPC endpoint is required");
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 8_000;
    this.address = options.depositContractAddress.toLowerCase();
    const network = Network.from(options.chainId);
    this.endpoints = options.urls.map((url) => ({
      url,
      provider: this.connect(url, network),
      chainChecked: false,
      disabled: null,
    }));
  }

  private connect(url: string, network: Network): JsonRpcProvider {
    if (/^wss?:\/\//i.test(url)) {
      return new WebSocketProvider(url, network, { staticNetwork: network }) as unknown as JsonRpcProvider;
    }
    // Retries, backoff and 429 handling are ours (one policy across endpoints), not a transport's.
    return new FetchJsonRpcProvider(url, network, this.timeoutMs);
  }

  async getBlockNumber(): Promise<number> {
    return toNumber(await this.request("eth_blockNumber", []), "eth_blockNumber");
  }

  async getBlockByNumber(blockNumber: number): Promise<Eth1BlockHeader | null> {
    const block = (await this.request("eth_getBlockByNumber", [toQuantity(blockNumber), false])) as {
      number?: string;
      hash?: string;
      parentHash?: string;
      timestamp?: string;
    } | null;
    if (block === null) return null;
    if (typeof block?.hash !== "string" || typeof block.parentHash !== "string") {
      throw new FollowerError("RPC_BAD_RESPONSE", `eth_getBlockByNumber(${blockNumber}) returned no block hash`);
    }
    const header = {
      number: toNumber(block.number, "block.number"),
      hash: block.hash.toLowerCase(),
      parentHash: block.parentHash.toLowerCase(),
      timestamp: toNumber(block.timestamp, "block.timestamp"),
    };
    if (header.number !== blockNumber) {
      throw new FollowerError("RPC_BAD_RESPONSE", `asked for block ${blockNumber}, got block ${header.number}`);
    }
    return header;
  }

  async getDepositLogs(fromBlock: number, toBlock: number): Promise<RawLog[]> {
    const filter = {
      address: this.address,
      topics: [DEPOSIT_EVENT_TOPIC],
      fromBlock: toQuantity(fromBlock),
      toBlock: toQuantity(toBlock),
    };
    const logs = await this.request("eth_getLogs", [filter], { rangeErrorsToCaller: true });
    if (!Array.isArray(logs)) throw new FollowerError("RPC_BAD_RESPONSE", "eth_getLogs did not return an array");
    for (const log of logs as RawLog[]) {
      if (typeof log?.address !== "string" || log.address.toLowerCase() !== this.address) {
        throw new FollowerError("RPC_BAD_RESPONSE", `eth_getLogs returned a log of another address ${log?.address}`);
      }
      const n = Number(log.blockNumber);
      if (!(n >= fromBlock && n <= toBlock)) {
        throw new FollowerError(
          "RPC_BAD_RESPONSE",
          `eth_getLogs(${fromBlock}..${toBlock}) returned a log of block ${n}`,
        );
      }
    }
    return logs as RawLog[];
  }

  async getDepositContractState(
    blockNumber: number,
  ): Promise<{ depositRoot: Uint8Array; depositCount: number } | null> {
    try {
      const tag = toQuantity(blockNumber);
      const rootData = (await this.request("eth_call", [{ to: this.address, data: GET_DEPOSIT_ROOT }, tag])) as string;
      const countData = (await this.request("eth_call", [
        { to: this.address, data: GET_DEPOSIT_COUNT },
        tag,
      ])) as string;
      return { depositRoot: decodeBytes32(rootData), depositCount: decodeDepositCount(countData) };
    } catch (error) {
      // Endpoints that prune old state answer "missing trie node" / "header not found": the check is then skipped.
      if (/missing trie node|header not found|state .*not available|historical state/i.test(describeRpcError(error))) {
        return null;
      }
      throw error;
    }
  }

  /** Close every endpoint's connection. */
  async destroy(): Promise<void> {
    for (const e of this.endpoints) e.provider.destroy();
  }

  /**
   * One JSON-RPC call with the fallback policy: a per-request timeout, retries with exponential backoff (longer for
   * 429 / rate limits), moving to the next usable endpoint after each failure. With `rangeErrorsToCaller`, "too many
   * results" and timeouts go straight back to the caller, who asks again for a smaller block range.
   */
  private async request(
    method: string,
    params: unknown[],
    opts: { rangeErrorsToCaller?: boolean } = {},
  ): Promise<unknown> {
    let lastError: unknown = null;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      let endpoint: Endpoint | null = null;
      try {
        endpoint = await this.pickEndpoint();
        return await this.withTimeout(endpoint.provider.send(method, params), method, endpoint);
      } catch (error) {
        if (error instanceof FollowerError && error.code === "WRONG_CHAIN_ID") throw error;
        lastError = error;
        const where = endpoint ? redactUrl(endpoint.url) : "no verified endpoint";
        const kind = classifyRpcError(error);
        if (opts.rangeErrorsToCaller && (kind === "rangeTooLarge" || kind === "timeout")) {
          throw new FollowerError(
            kind === "timeout" ? "RPC_TIMEOUT" : "RPC_RANGE_TOO_LARGE",
            `${method} at ${where}: ${describeRpcError(error).slice(0, 300)}`,
            { cause: error },
          );
        }
        const delay = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt * (kind === "rateLimited" ? 4 : 1));
        this.options.logger?.warn(
          {
            method,
            endpoint: where,
            kind,
            attempt,
            retryInMs: delay,
            error: describeRpcError(error).slice(0, 200),
          },
          "eth1 request failed",
        );
        if (endpoint) this.current = (this.endpoints.indexOf(endpoint) + 1) % this.endpoints.length;
        await sleep(delay);
      }
    }
    throw new FollowerError(
      "RPC_UNAVAILABLE",
      `${method} failed ${this.maxAttempts} times; last error: ${describeRpcError(lastError).slice(0, 300)}`,
      { cause: lastError },
    );
  }

  /** The current endpoint if usable, else the next one; checks each endpoint's chain id before its first use. */
  private async pickEndpoint(): Promise<Endpoint> {
    for (let i = 0; i < this.endpoints.length; i++) {
      const endpoint = this.endpoints[(this.current + i) % this.endpoints.length];
      if (endpoint.disabled) continue;
      if (!endpoint.chainChecked) {
        let chainId: number;
        try {
          chainId = toNumber(
            await this.withTimeout(endpoint.provider.send("eth_chainId", []), "eth_chainId", endpoint),
            "chainId",
          );
        } catch {
          continue; // unreachable for now: try the next endpoint, come back later
        }
        if (chainId !== this.options.chainId) {
          endpoint.disabled = `chain id ${chainId}, expected ${this.options.chainId}`;
          this.options.logger?.error(
            { endpoint: redactUrl(endpoint.url), chainId, expected: this.options.chainId, code: "WRONG_CHAIN_ID" },
            "eth1 endpoint is on another chain; never using it",
          );
          continue;
        }
        endpoint.chainChecked = true;
      }
      this.current = (this.current + i) % this.endpoints.length;
      return endpoint;
    }
    const wrong = this.endpoints.filter((e) => e.disabled);
    if (wrong.length === this.endpoints.length) {
      throw new FollowerError(
        "WRONG_CHAIN_ID",
        `no endpoint is on chain ${this.options.chainId}: ${wrong.map((e) => `${redactUrl(e.url)} (${e.disabled})`).join(", ")}`,
      );
    }
    // No endpoint could confirm its chain id right now (all unreachable): never send to an unverified one.
    throw new FollowerError("RPC_UNAVAILABLE", "no endpoint answered eth_chainId");
  }

  private withTimeout<T>(promise: Promise<T>, method: string, endpoint: Endpoint): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new FollowerError(
              "RPC_TIMEOUT",
              `${method} at ${redactUrl(endpoint.url)}: no answer in ${this.timeoutMs} ms`,
            ),
          ),
        this.timeoutMs,
      );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

function toQuantity(n: number): string {
  return `0x${n.toString(16)}`;
}

function toNumber(value: unknown, what: string): number {
  if (typeof value !== "string" || !/^0x[0-9a-f]+$/i.test(value)) {
    throw new FollowerError("RPC_BAD_RESPONSE", `${what} is not a hex quantity: ${String(value).slice(0, 80)}`);
  }
  const n = Number(BigInt(value));
  if (!Number.isSafeInteger(n)) throw new FollowerError("RPC_BAD_RESPONSE", `${what} ${value} is out of range`);
  return n;
}

function decodeBytes32(data: string): Uint8Array {
  const bytes = fromHex(data);
  if (bytes.length !== 32)
    throw new FollowerError("RPC_BAD_RESPONSE", `get_deposit_root() returned ${bytes.length} bytes`);
  return bytes;
}

/** ABI `bytes` holding 8 little-endian bytes. */
function decodeDepositCount(data: string): number {
  const bytes = fromHex(data);
  if (bytes.length !== 96 || bytes[31] !== 32 || bytes[63] !== 8) {
    throw new FollowerError(
      "RPC_BAD_RESPONSE",
      `get_deposit_count() returned an unexpected encoding (${bytes.length} bytes)`,
    );
  }
  return Number(new DataView(bytes.buffer, bytes.byteOffset + 64, 8).getBigUint64(0, true));
}
