// What the follower needs from an execution (eth1) chain. I/O lives behind this interface (as in Lodestar's
// beacon-node/src/eth1) so the follower's logic is tested against real nodes and fault-injecting proxies alike.
import type { RawLog } from "./depositLog.js";

export interface Eth1BlockHeader {
  number: number;
  /** 0x-prefixed lowercase hex. */
  hash: string;
  parentHash: string;
  timestamp: number;
}

export interface Eth1Provider {
  /** Number of the newest block. */
  getBlockNumber(): Promise<number>;
  /** Header of a block of the canonical chain, or null when the endpoint has no such block. */
  getBlockByNumber(blockNumber: number): Promise<Eth1BlockHeader | null>;
  /**
   * The deposit contract's DepositEvent logs in [fromBlock, toBlock]. Throws a FollowerError with code
   * RPC_RANGE_TOO_LARGE or RPC_TIMEOUT when the endpoint refuses the span (the caller retries with a smaller one).
   */
  getDepositLogs(fromBlock: number, toBlock: number): Promise<RawLog[]>;
  /** `get_deposit_root()` and `get_deposit_count()` at a block; null when the endpoint keeps no state that old. */
  getDepositContractState(blockNumber: number): Promise<{ depositRoot: Uint8Array; depositCount: number } | null>;
}
