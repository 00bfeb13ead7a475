// `btc20-deposit deposit` against the real DepositContract, over a real JSON-RPC endpoint on 127.0.0.1 (an HTTP
// server in front of Hardhat's in-process EVM).
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { network } from "hardhat";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { scanDepositEvents } from "../../../sdk/deposit/client/index.js";
import { generateDepositData, serializeDepositDataFile } from "../../../sdk/deposit/index.js";
import { BTC20_DEVNET, BTC20_MAINNET, toHex } from "../../../sdk/networks/index.js";
import { runCli } from "./runCli.js";
import { TmuxSession, tmuxAvailable } from "./tmuxSession.js";

const connection = await network.connect();
const { ethers, provider } = connection;
/** Hardhat's first default account (well-known test key, funded with 10,000 coins). */
const HARDHAT_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

function startRpcServer(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", async () => {
      const handle = async (call: { id: unknown; method: string; params?: unknown[] }) => {
        try {
          return {
            jsonrpc: "2.0",
            id: call.id,
            result: await provider.request({ method: call.method, params: call.params ?? [] }),
          };
        } catch (e) {
          const err = e as { code?: number; message: string; data?: unknown };
          return {
            jsonrpc: "2.0",
            id: call.id,
            error: { code: err.code ?? -32603, message: err.message, data: err.data },
          };
        }
      };
      const parsed = JSON.parse(body);
      const reply = Array.isArray(parsed) ? await Promise.all(parsed.map(handle)) : await handle(parsed);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(reply));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("btc20-deposit CLI: deposit", () => {
  let server: Server;
  let rpcUrl: string;

  before(async () => {
    server = await startRpcServer();
    rpcUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it("sends a deposit_data file, then skips every key on a second run; refuses the wrong chain and bad data", async () => {
    const contract = await ethers.deployContract("DepositContract");
    const address = await contract.getAddress();
    const dir = mkdtempSync(path.join(tmpdir(), "btc20-deposit-"));
    const keyFile = path.join(dir, "key.txt");
    writeFileSync(keyFile, HARDHAT_KEY_0);
    const records = generateDepositData({
      bls,
      seed: new Uint8Array(64).fill(3),
      network: BTC20_DEVNET,
      startIndex: 0,
      count: 3,
      withdrawalAddress: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
      amountGwei: 32n * 10n ** 9n,
    }).map((v) => v.deposit);
    const file = path.join(dir, "deposit_data-1.json");
    writeFileSync(file, serializeDepositDataFile(records));
    const args = [
      "deposit",
      file,
      "--rpc-url",
      rpcUrl,
      "--network",
      "btc20-devnet",
      "--contract-address",
      address,
      "--private-key-file",
      keyFile,
      "--non-interactive",
    ];

    const first = await runCli([...args, "--batch-size", "2"]);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.match(/Sent 3 deposit\(s\), skipped 0/);
    expect(first.stderr).to.match(/\[0\] [0-9a-f]{12}… mined deposit #0/);
    const events = await scanDepositEvents(ethers.provider, address);
    expect(events.map((e) => toHex(e.pubkey))).to.deep.equal(records.map((r) => toHex(r.pubkey)));

    // the re-run finds the contract through its deployment record (address, chain id, first block)
    const record = path.join(dir, "btc20-devnet.json");
    const receipt = await contract.deploymentTransaction()!.wait();
    writeFileSync(
      record,
      JSON.stringify({ contract: "DepositContract", chainId: 31337, address, blockNumber: receipt!.blockNumber }),
    );
    const second = await runCli([
      "deposit",
      file,
      "--rpc-url",
      rpcUrl,
      "--network",
      "btc20-devnet",
      "--deployment",
      record,
      "--private-key-file",
      keyFile,
      "--non-interactive",
    ]);
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stdout).to.match(/Sent 0 deposit\(s\), skipped 3/);

    // the file is signed for the devnet: verification fails before any RPC call
    const wrongNetwork = await runCli([
      "deposit",
      file,
      "--rpc-url",
      rpcUrl,
      "--network",
      "btc20-testnet",
      "--contract-address",
      address,
      "--private-key-file",
      keyFile,
      "--non-interactive",
    ]);
    expect(wrongNetwork.code).to.equal(4);
    expect(wrongNetwork.stderr).to.match(/WRONG_NETWORK: the deposit is signed for btc20-devnet/);

    const mainnetFile = path.join(dir, "deposit_data-2.json");
    const forMainnet = generateDepositData({
      bls,
      seed: new Uint8Array(64).fill(4),
      network: BTC20_MAINNET,
      startIndex: 0,
      count: 1,
    });
    writeFileSync(mainnetFile, serializeDepositDataFile(forMainnet.map((v) => v.deposit)));
    const chainMismatch = await runCli([
      "deposit",
      mainnetFile,
      "--rpc-url",
      rpcUrl,
      "--network",
      "btc20-mainnet",
      "--contract-address",
      address,
      "--private-key-file",
      keyFile,
      "--non-interactive",
    ]);
    expect(chainMismatch.code).to.equal(5);
    expect(chainMismatch.stderr).to.match(
      /WRONG_CHAIN: the wallet\/RPC is on chain id 31337, but btc20-mainnet is chain id 20200/,
    );
  });

  // Reason for the skip: without tmux there is no pseudo-terminal to drive (.ci/run installs it).
  (tmuxAvailable() ? it : it.skip)(
    "in a terminal: asks the network, shows the summary; 'no' sends nothing, 'yes' sends",
    async () => {
      const contract = await ethers.deployContract("DepositContract");
      const address = await contract.getAddress();
      const dir = mkdtempSync(path.join(tmpdir(), "btc20-deposit-"));
      const keyFile = path.join(dir, "key.txt");
      writeFileSync(keyFile, HARDHAT_KEY_0);
      const records = generateDepositData({
        bls,
        seed: new Uint8Array(64).fill(5),
        network: BTC20_DEVNET,
        startIndex: 0,
        count: 2,
      }).map((v) => v.deposit);
      const file = path.join(dir, "deposit_data-1.json");
      writeFileSync(file, serializeDepositDataFile(records));
      const args = ["deposit", file, "--rpc-url", rpcUrl, "--contract-address", address, "--private-key-file", keyFile];
      for (const answer of ["no", "yes"]) {
        const s = TmuxSession.start(args);
        try {
          let at = await s.answer("[btc20-mainnet]: ", "btc20-testnet");
          // The file is signed for the devnet: the chosen network is checked at once.
          await s.waitFor("is not valid for btc20-testnet", { from: at });
          expect(await s.exitCode()).to.equal(4);
          s.close();
          const t = TmuxSession.start(args);
          at = await t.answer("[btc20-mainnet]: ", "3");
          at = await t.waitFor("Send these deposits? (yes/no): ", { from: at });
          const summary = t.raw().slice(0, at);
          expect(summary).to.match(/network +btc20-devnet \(chain id 31337\)/);
          expect(summary).to.match(/fork version +0x20200002/);
          expect(summary).to.match(/deposits +2 /);
          expect(summary).to.match(/credentials +0x00/);
          expect(summary).to.match(/total amount +2000 BTCC/);
          expect(summary).to.include(address);
          t.type(answer);
          expect(await t.exitCode()).to.equal(answer === "no" ? 7 : 0);
          const events = await scanDepositEvents(ethers.provider, address);
          expect(events).to.have.length(answer === "no" ? 0 : 2);
          t.close();
        } finally {
          s.close();
        }
      }
    },
  );
});
