// DepositClient.topUp against the real DepositContract on Hardhat's EVM: no signing key needed for a key with a valid
// deposit; refused for a key without one (the coins would be lost).
import { expect } from "chai";
import { network } from "hardhat";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { DepositClient, DepositClientError } from "../../../sdk/deposit/client/index.js";
import { generateDepositData } from "../../../sdk/deposit/index.js";
import { BTC20_DEVNET, toHex, withDepositContract } from "../../../sdk/networks/index.js";

const { ethers } = await network.connect();
const BTCC = 1_000_000_000n;

describe("sdk/deposit/client DepositClient.topUp (Hardhat EVM)", () => {
  it("adds to a deposited key with a zero signature and the key's credentials; refuses a key with no valid deposit", async () => {
    const [signer] = await ethers.getSigners();
    const contract = await ethers.deployContract("DepositContract");
    const devnet = withDepositContract(BTC20_DEVNET, await contract.getAddress());
    const client = await DepositClient.connect({ signer: signer!, network: devnet, bls });
    const [a, b] = generateDepositData({
      bls,
      seed: new Uint8Array(64).fill(3),
      network: devnet,
      startIndex: 0,
      count: 2,
      withdrawalAddress: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
    }).map((v) => v.deposit);
    await client.deposit(a!);

    const sent = await client.topUp(`0x${toHex(a!.pubkey)}`, 5n * BTCC);
    expect(sent.depositIndex).to.equal(1n);
    const events = (await client.existingDeposits()).get(toHex(a!.pubkey))!;
    expect(events).to.have.length(2);
    const topUp = events[1]!;
    expect(topUp.amountGwei).to.equal(5n * BTCC);
    expect(toHex(topUp.signature)).to.equal("00".repeat(96));
    expect(toHex(topUp.withdrawalCredentials)).to.equal(toHex(a!.withdrawalCredentials));
    // (the contract reverts on a deposit_data_root that does not match the fields, so a mined top-up proves it)
    for (const [call, code] of [
      [() => client.topUp(b!.pubkey, 5n * BTCC), "NOT_DEPOSITED"],
      [() => client.topUp(a!.pubkey, BTCC / 2n), "BAD_AMOUNT"],
    ] as const) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DepositClientError);
      expect((error as DepositClientError).code).to.equal(code);
    }
    // a second top-up of the same key finds the same valid first deposit
    const again = await client.topUp(a!.pubkey, 1n * BTCC);
    expect(again.depositIndex).to.equal(2n);
  });
});
