import { Contract, getAddress, type Provider, type Signer } from "ethers";
import type { Bls } from "../../crypto/bls/types.js";
import { gweiToCoins, WEI_PER_GWEI } from "../../networks/coinAmount.js";
import { fixedHexToBytes, toHex } from "../../networks/hexBytes.js";
import type { NetworkParams } from "../../networks/types.js";
import { DepositData } from "../../ssz/index.js";
import type { DepositDataRecord } from "../createDepositData.js";
import { depositMessageRoot, depositSigningRoot, gweiToSszNumber } from "../depositSigningRoot.js";
import { toLaunchpadEntry } from "../launchpadJson.js";
import { verifyDepositData } from "../verify/verifyDepositData.js";
import { DEPOSIT_CONTRACT_ABI } from "./depositContractAbi.js";
import { type DepositEventRecord, parseDepositEvents, scanDepositEvents } from "./depositEvents.js";
import { DepositClientError } from "./errors.js";
import { mapSendError } from "./mapSendError.js";

export interface DepositClientOptions {
  signer: Signer;
  network: NetworkParams;
  bls: Bls;
  /** Default: the network's depositContractAddress. */
  contractAddress?: string;
  /** Block to start scanning DepositEvent logs from (the contract's deployment block); default 0. */
  fromBlock?: number;
  /** Blocks per eth_getLogs request; default 10,000. */
  blocksPerQuery?: number;
}

/** Per-key progress of `depositMany`. */
export type DepositProgressStatus = "skipped" | "awaiting-signature" | "submitted" | "mined" | "failed";

export interface DepositProgressEvent {
  /** Position of the deposit in the list given to `depositMany`. */
  position: number;
  /** Validator pubkey, hex without 0x. */
  pubkey: string;
  status: DepositProgressStatus;
  txHash?: string;
  /** Index in the deposit contract's tree (when mined). */
  depositIndex?: bigint;
  error?: DepositClientError;
}

export interface SentDeposit {
  position: number;
  pubkey: string;
  txHash: string;
  blockNumber: number;
  depositIndex: bigint;
}

export interface DepositManyResult {
  sent: SentDeposit[];
  /** Keys that already had a deposit in the contract's logs (not sent again). */
  skipped: { position: number; pubkey: string; depositIndices: bigint[] }[];
}

export interface SendOptions {
  /** Allow a deposit for a pubkey that already has one (a top-up). Default false: ALREADY_DEPOSITED. */
  allowTopUp?: boolean;
  /**
   * Send even though the account has transactions not yet mined. Default false: PENDING_TRANSACTIONS, because a
   * deposit still in the mempool from an interrupted run is not in the logs yet and would be sent twice.
   */
  allowPendingTransactions?: boolean;
}

export interface DepositManyOptions extends SendOptions {
  /** Deposits per transaction: 1 uses `deposit`, more uses `batchDeposit`. Default 1. */
  batchSize?: number;
  onProgress?: (event: DepositProgressEvent) => void;
}

/**
 * Sends deposit data to the BTC20 deposit contract from any ethers v6 Signer (browser wallet, Wallet, Hardhat
 * signer). `connect` checks the chain id and that the contract has code; every send first verifies the deposits for
 * the network (fork version, amounts, both roots, signatures), refuses duplicate pubkeys within the call and, unless
 * topping up, pubkeys the contract has already logged. Failures are DepositClientErrors with stable codes.
 */
export class DepositClient {
  private readonly contract: Contract;

  private constructor(
    readonly signer: Signer,
    readonly provider: Provider,
    readonly network: NetworkParams,
    readonly contractAddress: string,
    private readonly bls: Bls,
    private readonly scan: { fromBlock?: number; blocksPerQuery?: number },
  ) {
    this.contract = new Contract(contractAddress, DEPOSIT_CONTRACT_ABI, signer);
  }

  static async connect(options: DepositClientOptions): Promise<DepositClient> {
    const { signer, network } = options;
    const provider = signer.provider;
    if (!provider) {
      throw new DepositClientError("NO_PROVIDER", "the signer is not connected to a provider (an RPC endpoint)");
    }
    const address = options.contractAddress ?? network.depositContractAddress;
    if (!address) {
      throw new DepositClientError(
        "NO_CONTRACT",
        `network ${network.name} has no deposit contract address; pass contractAddress (e.g. from the deployment record)`,
      );
    }
    let chainId: bigint;
    let code: string;
    try {
      [chainId, code] = await Promise.all([provider.getNetwork().then((n) => n.chainId), provider.getCode(address)]);
    } catch (e) {
      throw mapSendError(e, "reading the chain");
    }
    if (network.chainId !== null && chainId !== network.chainId) {
      throw new DepositClientError(
        "WRONG_CHAIN",
        `the wallet/RPC is on chain id ${chainId}, but ${network.name} is chain id ${network.chainId}; switch networks`,
      );
    }
    if (code === "0x") {
      throw new DepositClientError("NO_CONTRACT", `no contract code at ${address} on chain id ${chainId}`);
    }
    return new DepositClient(signer, provider, network, getAddress(address), options.bls, {
      fromBlock: options.fromBlock,
      blocksPerQuery: options.blocksPerQuery,
    });
  }

  /** Every deposit the contract has logged, grouped by pubkey (hex). */
  async existingDeposits(): Promise<Map<string, DepositEventRecord[]>> {
    let events: DepositEventRecord[];
    try {
      events = await scanDepositEvents(this.provider, this.contractAddress, this.scan);
    } catch (e) {
      throw mapSendError(e, "scanning DepositEvent logs");
    }
    const byPubkey = new Map<string, DepositEventRecord[]>();
    for (const event of events) {
      const key = toHex(event.pubkey);
      byPubkey.set(key, [...(byPubkey.get(key) ?? []), event]);
    }
    return byPubkey;
  }

  /**
   * The checks made before anything is sent: deposits valid for this network (verifyDepositData: fork version,
   * amounts, both roots, signatures) and no pubkey twice. Throws INVALID_DEPOSIT or DUPLICATE_PUBKEY.
   */
  preflight(records: readonly DepositDataRecord[]): void {
    if (records.length === 0) throw new DepositClientError("INVALID_DEPOSIT", "no deposits given");
    const result = verifyDepositData(
      records.map((r) => toLaunchpadEntry(r)),
      this.network,
      { bls: this.bls },
    );
    const duplicates = result.entries.filter((e) => e.issues.some((i) => i.code === "DUPLICATE_PUBKEY"));
    const invalid = result.entries.filter((e) => e.issues.some((i) => i.code !== "DUPLICATE_PUBKEY"));
    if (invalid.length > 0) {
      const first = invalid[0]!;
      throw new DepositClientError(
        "INVALID_DEPOSIT",
        `${invalid.length} deposit(s) would be rejected; #${first.index}: ${first.issues.map((i) => i.message).join("; ")}`,
        { issues: invalid.map((e) => ({ position: e.index, issues: e.issues })) },
      );
    }
    if (duplicates.length > 0) {
      throw new DepositClientError("DUPLICATE_PUBKEY", duplicates[0]!.issues.map((i) => i.message).join("; "), {
        issues: duplicates.map((e) => ({ position: e.index, issues: e.issues })),
      });
    }
  }

  /** One deposit; returns its index in the contract's tree. */
  async deposit(record: DepositDataRecord, options: SendOptions = {}): Promise<SentDeposit> {
    const [sent] = await this.batchDeposit([record], options);
    return sent!;
  }

  /**
   * Several deposits in one transaction (`batchDeposit`; a single one uses `deposit`). All-or-nothing on chain;
   * returns the indices parsed from the receipt's DepositEvent logs.
   */
  async batchDeposit(records: readonly DepositDataRecord[], options: SendOptions = {}): Promise<SentDeposit[]> {
    this.preflight(records);
    if (!options.allowPendingTransactions) await this.assertNoPendingTransactions();
    if (!options.allowTopUp) {
      const existing = await this.existingDeposits();
      const already = records.filter((r) => existing.has(toHex(r.pubkey)));
      if (already.length > 0) {
        throw new DepositClientError(
          "ALREADY_DEPOSITED",
          `${already.length} key(s) already have a deposit in the contract (e.g. ${toHex(already[0]!.pubkey).slice(0, 12)}…); ` +
            "pass allowTopUp to add to them, or use depositMany to skip them",
        );
      }
    }
    return this.send(
      records.map((record, position) => ({ record, position })),
      () => {},
    );
  }

  /**
   * Sends many deposits, resumably: keys the contract has already logged are skipped (so re-running an interrupted
   * run continues where it stopped), the rest go out `batchSize` per transaction, reporting each key's progress.
   * Stops at the first failure (after reporting it) and throws its DepositClientError; what was mined stays mined.
   */
  async depositMany(
    records: readonly DepositDataRecord[],
    options: DepositManyOptions = {},
  ): Promise<DepositManyResult> {
    const batchSize = options.batchSize ?? 1;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be >= 1, got ${batchSize}`);
    const report = options.onProgress ?? (() => {});
    this.preflight(records);
    if (!options.allowPendingTransactions) await this.assertNoPendingTransactions();
    const existing = options.allowTopUp ? new Map<string, DepositEventRecord[]>() : await this.existingDeposits();
    const result: DepositManyResult = { sent: [], skipped: [] };
    const todo: { record: DepositDataRecord; position: number }[] = [];
    records.forEach((record, position) => {
      const pubkey = toHex(record.pubkey);
      const found = existing.get(pubkey);
      if (found) {
        result.skipped.push({ position, pubkey, depositIndices: found.map((e) => e.depositIndex) });
        report({ position, pubkey, status: "skipped", depositIndex: found[0]!.depositIndex });
      } else todo.push({ record, position });
    });
    for (let start = 0; start < todo.length; start += batchSize) {
      result.sent.push(...(await this.send(todo.slice(start, start + batchSize), report)));
    }
    return result;
  }

  /**
   * Adds `amountGwei` to a validator that already has a deposit, without its signing key (a top-up, as the
   * launchpad's "add funds"). phase0 `apply_deposit` checks the signature only of a deposit for a pubkey not yet in
   * the registry; for a known one only the amount counts. So this sends a zero signature, the withdrawal credentials
   * of the key's first valid deposit and the deposit_data_root of exactly these fields (which the contract checks).
   * Refuses (NOT_DEPOSITED) a key with no logged deposit whose signature verifies for the network: the beacon chain
   * would then treat this deposit as a new validator's, find no valid signature, and the coins would be lost.
   */
  async topUp(
    pubkey: Uint8Array | string,
    amountGwei: bigint,
    options: Pick<SendOptions, "allowPendingTransactions"> = {},
  ): Promise<SentDeposit> {
    const key = typeof pubkey === "string" ? fixedHexToBytes(pubkey, 48, "pubkey") : pubkey;
    if (amountGwei < this.network.minDepositGwei) {
      throw new DepositClientError(
        "BAD_AMOUNT",
        `a top-up of ${gweiToCoins(amountGwei)} ${this.network.coinSymbol} is below the minimum deposit of ${gweiToCoins(this.network.minDepositGwei)}`,
      );
    }
    if (!options.allowPendingTransactions) await this.assertNoPendingTransactions();
    const logged = (await this.existingDeposits()).get(toHex(key)) ?? [];
    const valid = logged.find((e) => {
      const messageRoot = depositMessageRoot({
        pubkey: e.pubkey,
        withdrawalCredentials: e.withdrawalCredentials,
        amountGwei: e.amountGwei,
      });
      return this.bls.verify(e.pubkey, depositSigningRoot(messageRoot, this.network.genesisForkVersion), e.signature);
    });
    if (!valid) {
      throw new DepositClientError(
        "NOT_DEPOSITED",
        logged.length === 0
          ? `no deposit for ${toHex(key).slice(0, 12)}… in the contract: a top-up needs an existing validator; make its first deposit with signed deposit data`
          : `the deposits of ${toHex(key).slice(0, 12)}… in the contract have no valid signature for ${this.network.name}, so no validator exists to top up`,
      );
    }
    const signature = new Uint8Array(96);
    const withdrawalCredentials = valid.withdrawalCredentials;
    const record: DepositDataRecord = {
      pubkey: key,
      withdrawalCredentials,
      amountGwei,
      signature,
      depositMessageRoot: depositMessageRoot({ pubkey: key, withdrawalCredentials, amountGwei }),
      depositDataRoot: DepositData.hashTreeRoot({
        pubkey: key,
        withdrawalCredentials,
        amount: gweiToSszNumber(amountGwei),
        signature,
      }),
      forkVersion: this.network.genesisForkVersion,
      networkName: this.network.name,
    };
    const [sent] = await this.send([{ record, position: 0 }], () => {});
    return sent!;
  }

  /** Throws PENDING_TRANSACTIONS when the sending account has transactions in the mempool. */
  private async assertNoPendingTransactions(): Promise<void> {
    let pending: number;
    let mined: number;
    try {
      const address = await this.signer.getAddress();
      [pending, mined] = await Promise.all([
        this.provider.getTransactionCount(address, "pending"),
        this.provider.getTransactionCount(address, "latest"),
      ]);
    } catch (e) {
      throw mapSendError(e, "reading the account's nonce");
    }
    if (pending > mined) {
      throw new DepositClientError(
        "PENDING_TRANSACTIONS",
        `the sending account has ${pending - mined} transaction(s) not yet mined; wait for them first ` +
          "(a deposit still pending from an earlier run is not in the logs yet and would be sent twice)",
      );
    }
  }

  private async send(
    items: readonly { record: DepositDataRecord; position: number }[],
    report: (event: DepositProgressEvent) => void,
  ): Promise<SentDeposit[]> {
    const pubkeys = items.map((i) => toHex(i.record.pubkey));
    const each = (event: Omit<DepositProgressEvent, "position" | "pubkey">) =>
      items.forEach((item, k) => {
        report({ position: item.position, pubkey: pubkeys[k]!, ...event });
      });
    const what = items.length === 1 ? `deposit for ${pubkeys[0]!.slice(0, 12)}…` : `batch of ${items.length} deposits`;
    let txHash: string | undefined;
    try {
      each({ status: "awaiting-signature" });
      const value = items.reduce((sum, i) => sum + i.record.amountGwei * WEI_PER_GWEI, 0n);
      const records = items.map((i) => i.record);
      const tx =
        records.length === 1
          ? await this.contract.getFunction("deposit")(
              records[0]!.pubkey,
              records[0]!.withdrawalCredentials,
              records[0]!.signature,
              records[0]!.depositDataRoot,
              { value },
            )
          : await this.contract.getFunction("batchDeposit")(
              concat(records.map((r) => r.pubkey)),
              concat(records.map((r) => r.withdrawalCredentials)),
              concat(records.map((r) => r.signature)),
              records.map((r) => r.depositDataRoot),
              records.map((r) => r.amountGwei * WEI_PER_GWEI),
              { value },
            );
      txHash = tx.hash as string;
      each({ status: "submitted", txHash });
      const receipt = await tx.wait();
      const events = parseDepositEvents(receipt.logs, this.contractAddress);
      return items.map((item, k) => {
        const event = events.find((e) => toHex(e.pubkey) === pubkeys[k]);
        if (!event)
          throw new DepositClientError(
            "REVERTED",
            `${what}: the receipt has no DepositEvent for key #${item.position}`,
          );
        const sent = {
          position: item.position,
          pubkey: pubkeys[k]!,
          txHash: receipt.hash as string,
          blockNumber: receipt.blockNumber as number,
          depositIndex: event.depositIndex,
        };
        report({
          position: item.position,
          pubkey: pubkeys[k]!,
          status: "mined",
          txHash,
          depositIndex: event.depositIndex,
        });
        return sent;
      });
    } catch (e) {
      const error = mapSendError(e, what);
      each({ status: "failed", txHash, error });
      throw error;
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
