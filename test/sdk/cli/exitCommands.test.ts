// The signed exits `btc20-deposit exit-transaction-mnemonic` writes, read the way btc20-node's
// POST /eth/v1/beacon/pool/voluntary_exits reads them (fromJsonStrict) and run through the engine's
// process_voluntary_exit on a BTC20 state whose validators come from the same mnemonic: accepted for the right
// network and genesis validators root, refused for another network.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { fromJsonStrict } from "../../../consensus/api/sszJson.js";
import { btc20, createBeaconConfig } from "../../../consensus/params/index.js";
import { processVoluntaryExit } from "../../../consensus/state-transition/block/processVoluntaryExit.js";
import { initializeBeaconStateFromEth1 } from "../../../consensus/state-transition/genesis/initializeBeaconStateFromEth1.js";
import type { BeaconState, Deposit } from "../../../consensus/types/index.js";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { createDepositData } from "../../../sdk/deposit/createDepositData.js";
import { blsWithdrawalCredentials } from "../../../sdk/deposit/withdrawalCredentials.js";
import { DepositTree } from "../../../sdk/deposit-tree/index.js";
import { deriveValidatorKeys, mnemonicToSeedSync } from "../../../sdk/keys/index.js";
import { BTC20_MAINNET, toHex } from "../../../sdk/networks/index.js";
import { runCli } from "./runCli.js";

const MNEMONIC =
  "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art";

describe("btc20-deposit exit-transaction-*: accepted by the engine's process_voluntary_exit", function () {
  this.timeout(60_000);
  const cfg = createBeaconConfig({ ...btc20, MIN_GENESIS_ACTIVE_VALIDATOR_COUNT: 3, MIN_GENESIS_TIME: 1_700_000_000 });

  function genesis(): BeaconState {
    const keys = deriveValidatorKeys(mnemonicToSeedSync(MNEMONIC), 3600, 0, 3);
    const tree = DepositTree.empty();
    const data = keys.map((k) => {
      const pubkey = bls.secretKeyToPublicKey(k.signingSecretKey);
      const record = createDepositData({
        bls,
        signingSecretKey: k.signingSecretKey,
        pubkey,
        withdrawalCredentials: blsWithdrawalCredentials(bls.secretKeyToPublicKey(k.withdrawalSecretKey)),
        amountGwei: BTC20_MAINNET.activationAmountGwei,
        network: BTC20_MAINNET,
      });
      tree.push(record.depositDataRoot);
      return {
        pubkey,
        withdrawalCredentials: record.withdrawalCredentials,
        amount: Number(record.amountGwei),
        signature: record.signature,
      };
    });
    const deposits: Deposit[] = data.map((d, i) => ({ data: d, proof: tree.getProof(i, i + 1).branch }));
    return initializeBeaconStateFromEth1(cfg, new Uint8Array(32).fill(7), 1_700_000_000, deposits);
  }

  async function signedExits(network: string, gvr: string, indices: string, epoch: number): Promise<string[]> {
    const folder = mkdtempSync(path.join(tmpdir(), "btc20-exit-"));
    const run = await runCli([
      "exit-transaction-mnemonic",
      "--mnemonic",
      MNEMONIC,
      "--network",
      network,
      "--genesis-validators-root",
      gvr,
      "--start-index",
      "1",
      "--validator-indices",
      indices,
      "--epoch",
      String(epoch),
      "--folder",
      folder,
      "--non-interactive",
    ]);
    expect(run.code, run.stderr).to.equal(0);
    const out = path.join(folder, "exit_transactions");
    const names = readdirSync(out).sort();
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((f) => path.basename(f)),
    ).to.deep.equal(names);
    return names.map((n) => readFileSync(path.join(out, n), "utf8"));
  }

  it("exits keys 1 and 2 (validators 1 and 2) at epoch 3, once SHARD_COMMITTEE_PERIOD has passed", async () => {
    const state = genesis();
    const gvr = `0x${toHex(state.genesisValidatorsRoot)}`;
    const files = await signedExits("btc20-mainnet", gvr, "1 2", 3);
    state.slot = (cfg.SHARD_COMMITTEE_PERIOD + 3) * cfg.SLOTS_PER_EPOCH;
    for (const text of files) {
      const exit = fromJsonStrict(cfg.types.SignedVoluntaryExit, JSON.parse(text));
      processVoluntaryExit(cfg, state, exit, true);
      expect(state.validators[exit.message.validatorIndex]!.exitEpoch).to.be.lessThan(Number.POSITIVE_INFINITY);
    }
    expect(state.validators[0]!.exitEpoch).to.equal(Number.POSITIVE_INFINITY);
  });

  it("refuses an exit signed for another network (btc20-testnet's fork version)", async () => {
    const state = genesis();
    const [text] = await signedExits("btc20-testnet", `0x${toHex(state.genesisValidatorsRoot)}`, "1", 0);
    state.slot = cfg.SHARD_COMMITTEE_PERIOD * cfg.SLOTS_PER_EPOCH;
    const exit = fromJsonStrict(cfg.types.SignedVoluntaryExit, JSON.parse(text!));
    expect(() => processVoluntaryExit(cfg, state, exit, true)).to.throw(/not signed by validator 1/);
  });
});
