// The deposit client against the real DepositContract on Hardhat's in-process EVM.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { makeError, type Signer, Wallet } from "ethers";
import { network } from "hardhat";
import { bls } from "../../../sdk/crypto/bls/index.js";
import {
  DEPOSIT_CONTRACT_ABI,
  DepositClient,
  DepositClientError,
  type DepositProgressEvent,
} from "../../../sdk/deposit/client/index.js";
import { type DepositDataRecord, generateDepositData } from "../../../sdk/deposit/index.js";
import {
  BTC20_DEVNET,
  BTC20_MAINNET,
  loadNetworkConfig,
  type NetworkParams,
  toHex,
  withDepositContract,
} from "../../../sdk/networks/index.js";

const { ethers } = await network.connect();
const GWEI = 1_000_000_000n;
const ADDRESS = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";

function makeDeposits(
  net: NetworkParams,
  startIndex: number,
  count: number,
  amountGwei = 32n * GWEI,
): DepositDataRecord[] {
  return generateDepositData({
    bls,
    seed: new Uint8Array(64).fill(9),
    network: net,
    startIndex,
    count,
    withdrawalAddress: ADDRESS,
    amountGwei,
  }).map((v) => v.deposit);
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<DepositClientError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(DepositClientError);
    expect((e as DepositClientError).code, (e as Error).message).to.equal(code);
    return e as DepositClientError;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

describe("sdk/deposit/client DepositClient (Hardhat EVM)", () => {
  let signer: Signer;
  let devnet: NetworkParams;

  beforeEach(async () => {
    [signer] = await ethers.getSigners();
    const contract = await ethers.deployContract("DepositContract");
    devnet = withDepositContract(BTC20_DEVNET, await contract.getAddress());
  });

  it("has the ABI of the compiled contract", () => {
    const artifact = JSON.parse(
      readFileSync(
        path.resolve(import.meta.dirname, "../../../artifacts/contracts/DepositContract.sol/DepositContract.json"),
        "utf8",
      ),
    );
    expect(JSON.parse(JSON.stringify(DEPOSIT_CONTRACT_ABI))).to.deep.equal(artifact.abi);
  });

  it("sends one deposit and a batch, returning the tree indices from the receipts", async () => {
    const client = await DepositClient.connect({ signer, network: devnet, bls });
    const [first, ...rest] = makeDeposits(devnet, 0, 4);
    const single = await client.deposit(first!);
    expect(single.depositIndex).to.equal(0n);
    const batch = await client.batchDeposit(rest);
    expect(batch.map((s) => s.depositIndex)).to.deep.equal([1n, 2n, 3n]);
    expect(new Set(batch.map((s) => s.txHash)).size).to.equal(1);
    const existing = await client.existingDeposits();
    expect(existing.get(toHex(first!.pubkey))![0]!.amountGwei).to.equal(32n * GWEI);
    expect([...existing.keys()]).to.have.length(4);
  });

  it("depositMany is resumable: a second run skips what the contract already logged", async () => {
    const client = await DepositClient.connect({ signer, network: devnet, bls });
    const records = makeDeposits(devnet, 10, 5);
    const events: DepositProgressEvent[] = [];
    await client.depositMany(records.slice(0, 2), { onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.position === 0).map((e) => e.status)).to.deep.equal([
      "awaiting-signature",
      "submitted",
      "mined",
    ]);
    // "interrupted" after two keys; the re-run sends only the other three, two per transaction
    const progress: DepositProgressEvent[] = [];
    const rerun = await client.depositMany(records, { batchSize: 2, onProgress: (e) => progress.push(e) });
    expect(rerun.skipped.map((s) => s.position)).to.deep.equal([0, 1]);
    expect(rerun.sent.map((s) => [s.position, s.depositIndex])).to.deep.equal([
      [2, 2n],
      [3, 3n],
      [4, 4n],
    ]);
    expect(progress.filter((e) => e.status === "skipped").map((e) => e.depositIndex)).to.deep.equal([0n, 1n]);
    const again = await client.depositMany(records);
    expect(again.sent).to.have.length(0);
    expect(again.skipped).to.have.length(5);
  });

  it("refuses to send while the account has unmined transactions (a pending deposit would be sent twice)", async () => {
    const client = await DepositClient.connect({ signer, network: devnet, bls });
    const records = makeDeposits(devnet, 50, 1);
    await ethers.provider.send("evm_setAutomine", [false]);
    try {
      await signer.sendTransaction({ to: ADDRESS, value: 1n });
      await expectCode(client.depositMany(records), "PENDING_TRANSACTIONS");
      await expectCode(client.deposit(records[0]!), "PENDING_TRANSACTIONS");
      await ethers.provider.send("evm_mine", []);
    } finally {
      await ethers.provider.send("evm_setAutomine", [true]);
    }
    expect((await client.depositMany(records)).sent).to.have.length(1);
  });

  it("refuses a key already deposited unless topping up", async () => {
    const client = await DepositClient.connect({ signer, network: devnet, bls });
    const [record] = makeDeposits(devnet, 20, 1);
    await client.deposit(record!);
    await expectCode(client.deposit(record!), "ALREADY_DEPOSITED");
    expect((await client.deposit(record!, { allowTopUp: true })).depositIndex).to.equal(1n);
  });

  it("preflight: wrong chain, missing contract, wrong fork version, duplicates, bad roots", async () => {
    await expectCode(DepositClient.connect({ signer, network: { ...devnet, chainId: 20200n }, bls }), "WRONG_CHAIN");
    await expectCode(
      DepositClient.connect({ signer, network: withDepositContract(devnet, `0x${"12".repeat(20)}`), bls }),
      "NO_CONTRACT",
    );
    await expectCode(DepositClient.connect({ signer, network: BTC20_DEVNET, bls }), "NO_CONTRACT");
    const client = await DepositClient.connect({ signer, network: devnet, bls });
    const forMainnet = makeDeposits(BTC20_MAINNET, 0, 1);
    const wrongFork = await expectCode(client.deposit(forMainnet[0]!), "INVALID_DEPOSIT");
    expect(wrongFork.details.issues![0]!.issues[0]!.code).to.equal("WRONG_NETWORK");
    const [a] = makeDeposits(devnet, 30, 1);
    await expectCode(client.batchDeposit([a!, a!]), "DUPLICATE_PUBKEY");
    const badRoot = { ...a!, depositDataRoot: new Uint8Array(32) };
    const e = await expectCode(client.deposit(badRoot), "INVALID_DEPOSIT");
    expect(e.details.issues![0]!.issues.map((i) => i.code)).to.deep.equal(["ROOT_MISMATCH"]);
    expect(await client.existingDeposits()).to.have.property("size", 0);
  });

  it("maps a contract revert to REVERTED with the contract's error name", async () => {
    // A custom network that allows half-coin deposits, which the contract refuses (minimum 1 BTCC).
    const loose = loadNetworkConfig({
      network_name: "loose",
      genesis_fork_version: "20209998",
      exit_fork_version: "20209998",
      min_deposit_amount: 0.5,
      chain_id: 31337,
      deposit_contract_address: devnet.depositContractAddress,
    });
    const client = await DepositClient.connect({ signer, network: loose, bls });
    const [half] = makeDeposits(loose, 0, 1, GWEI / 2n);
    const e = await expectCode(client.deposit(half!), "REVERTED");
    expect(e.details.revertReason).to.equal("DepositValueTooLow");
  });

  it("maps a wallet rejection to USER_REJECTED and an empty account to INSUFFICIENT_FUNDS", async () => {
    const rejecting = new Proxy(signer, {
      get(target, prop, receiver) {
        if (prop === "sendTransaction") {
          return async () => {
            throw makeError("user rejected action", "ACTION_REJECTED", {
              action: "sendTransaction",
              reason: "rejected",
            });
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const [r] = makeDeposits(devnet, 40, 1);
    const events: DepositProgressEvent[] = [];
    const client = await DepositClient.connect({ signer: rejecting, network: devnet, bls });
    await expectCode(client.depositMany([r!], { onProgress: (e) => events.push(e) }), "USER_REJECTED");
    expect(events.map((e) => e.status)).to.deep.equal(["awaiting-signature", "failed"]);

    const poor = Wallet.createRandom().connect(ethers.provider);
    await (await signer.sendTransaction({ to: poor.address, value: 10n ** 18n })).wait();
    const poorClient = await DepositClient.connect({ signer: poor, network: devnet, bls });
    await expectCode(poorClient.deposit(r!), "INSUFFICIENT_FUNDS");
  });
});
