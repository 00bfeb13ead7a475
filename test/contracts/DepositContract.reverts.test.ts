// Every revert path of the deposit contract, each with its named custom error and arguments; a reverted call leaves
// no log and no change to the tree.

import { randomBytes } from "node:crypto";
import { expect } from "chai";
import { hexlify } from "ethers";
import {
  BTCC,
  batchArgs,
  deployDepositContract,
  GWEI,
  MAX_GWEI,
  makeDeposit,
  mined,
  sendBatch,
  sendDeposit,
  totalWei,
} from "./depositFixtures.js";

const MAX_WEI = MAX_GWEI * GWEI;
const MAX_DEPOSIT_COUNT = 2n ** 32n - 1n;

describe("DepositContract: reverts", () => {
  describe("deposit", () => {
    it("rejects a pubkey that is not 48 bytes", async () => {
      const { contract } = await deployDepositContract();
      for (const length of [0, 47, 49, 96]) {
        const d = makeDeposit();
        await expect(
          contract.deposit(randomBytes(length), d.withdrawalCredentials, d.signature, d.root, { value: BTCC }),
        )
          .to.be.revertedWithCustomError(contract, "InvalidPubkeyLength")
          .withArgs(length, 48);
      }
    });

    it("rejects withdrawal credentials that are not 32 bytes", async () => {
      const { contract } = await deployDepositContract();
      for (const length of [0, 20, 31, 33]) {
        const d = makeDeposit();
        await expect(contract.deposit(d.pubkey, randomBytes(length), d.signature, d.root, { value: BTCC }))
          .to.be.revertedWithCustomError(contract, "InvalidWithdrawalCredentialsLength")
          .withArgs(length, 32);
      }
    });

    it("rejects a signature that is not 96 bytes", async () => {
      const { contract } = await deployDepositContract();
      for (const length of [0, 48, 95, 97]) {
        const d = makeDeposit();
        await expect(contract.deposit(d.pubkey, d.withdrawalCredentials, randomBytes(length), d.root, { value: BTCC }))
          .to.be.revertedWithCustomError(contract, "InvalidSignatureLength")
          .withArgs(length, 96);
      }
    });

    it("rejects less than 1 BTCC", async () => {
      const { contract } = await deployDepositContract();
      for (const value of [0n, GWEI, BTCC - GWEI]) {
        const d = makeDeposit({ amountGwei: value / GWEI });
        await expect(sendDeposit(contract, d, value))
          .to.be.revertedWithCustomError(contract, "DepositValueTooLow")
          .withArgs(value, BTCC);
      }
    });

    it("rejects a value that is not a whole number of gwei", async () => {
      const { contract } = await deployDepositContract();
      for (const value of [BTCC + 1n, 1000n * BTCC + GWEI - 1n, MAX_WEI - 1n]) {
        const d = makeDeposit(); // the value is checked before the root
        await expect(sendDeposit(contract, d, value))
          .to.be.revertedWithCustomError(contract, "DepositValueNotMultipleOfGwei")
          .withArgs(value);
      }
    });

    it("rejects more than 2**64-1 gwei", async () => {
      const { contract } = await deployDepositContract();
      for (const value of [MAX_WEI + GWEI, 2n * MAX_WEI]) {
        const d = makeDeposit();
        await expect(sendDeposit(contract, d, value))
          .to.be.revertedWithCustomError(contract, "DepositValueTooHigh")
          .withArgs(value, MAX_WEI);
      }
    });

    it("rejects a deposit_data_root that is not hash_tree_root(DepositData)", async () => {
      const { contract } = await deployDepositContract();
      const d = makeDeposit({ amountGwei: 32n * GWEI });
      // Same data, another amount: the root the contract computes is the one for the value actually sent.
      const other = makeDeposit({ ...d, amountGwei: 33n * GWEI });
      await expect(sendDeposit(contract, d, 33n * BTCC))
        .to.be.revertedWithCustomError(contract, "DepositDataRootMismatch")
        .withArgs(hexlify(other.root), hexlify(d.root));
      const flipped = Uint8Array.from(d.signature);
      flipped[95] ^= 1;
      const tampered = makeDeposit({ ...d, signature: flipped });
      await expect(contract.deposit(d.pubkey, d.withdrawalCredentials, flipped, d.root, { value: 32n * BTCC }))
        .to.be.revertedWithCustomError(contract, "DepositDataRootMismatch")
        .withArgs(hexlify(tampered.root), hexlify(d.root));
      expect(await contract.get_deposit_count()).to.equal("0x0000000000000000");
    });

    it("rejects a deposit when the tree holds 2**32-1 deposits", async () => {
      const { contract, ethers } = await deployDepositContract();
      const address = await contract.getAddress();
      await ethers.provider.send("hardhat_setStorageAt", [address, "0x20", ethers.toBeHex(MAX_DEPOSIT_COUNT - 1n, 32)]);
      await mined(sendDeposit(contract, makeDeposit())); // the last one that fits
      await expect(sendDeposit(contract, makeDeposit())).to.be.revertedWithCustomError(contract, "DepositTreeFull");
    });

    it("has no receive or fallback: plain transfers and unknown calls revert", async () => {
      const { contract, signer, ethers } = await deployDepositContract();
      const to = await contract.getAddress();
      await expect(signer.sendTransaction({ to, value: BTCC, gasLimit: 100_000 })).to.be.revert(ethers);
      await expect(signer.sendTransaction({ to, data: "0x12345678", gasLimit: 100_000 })).to.be.revert(ethers);
      expect(await ethers.provider.getBalance(to)).to.equal(0n);
    });
  });

  describe("batchDeposit", () => {
    it("rejects an empty batch", async () => {
      const { contract } = await deployDepositContract();
      await expect(sendBatch(contract, [])).to.be.revertedWithCustomError(contract, "EmptyBatch");
    });

    it("rejects packed fields whose lengths do not fit the number of roots", async () => {
      const { contract } = await deployDepositContract();
      const deposits = [makeDeposit(), makeDeposit(), makeDeposit()];
      const [pubkeys, credentials, signatures, roots, amounts] = batchArgs(deposits);
      const value = totalWei(deposits);
      await expect(contract.batchDeposit(pubkeys.subarray(1), credentials, signatures, roots, amounts, { value }))
        .to.be.revertedWithCustomError(contract, "InvalidPubkeyLength")
        .withArgs(143, 144);
      await expect(contract.batchDeposit(pubkeys, credentials.subarray(0, 64), signatures, roots, amounts, { value }))
        .to.be.revertedWithCustomError(contract, "InvalidWithdrawalCredentialsLength")
        .withArgs(64, 96);
      const longer = Buffer.concat([signatures, new Uint8Array(1)]);
      await expect(contract.batchDeposit(pubkeys, credentials, longer, roots, amounts, { value }))
        .to.be.revertedWithCustomError(contract, "InvalidSignatureLength")
        .withArgs(289, 288);
      await expect(contract.batchDeposit(pubkeys, credentials, signatures, roots, amounts.slice(1), { value }))
        .to.be.revertedWithCustomError(contract, "InvalidAmountsLength")
        .withArgs(2, 3);
    });

    it("rejects msg.value different from the sum of the amounts", async () => {
      const { contract } = await deployDepositContract();
      const deposits = [makeDeposit(), makeDeposit({ amountGwei: 7n * GWEI })];
      const total = totalWei(deposits);
      for (const value of [total - GWEI, total + GWEI, 0n]) {
        await expect(sendBatch(contract, deposits, value))
          .to.be.revertedWithCustomError(contract, "BatchValueMismatch")
          .withArgs(value, total);
      }
    });

    it("checks every item's amount like a single deposit", async () => {
      const { contract } = await deployDepositContract();
      const good = makeDeposit();
      const low = makeDeposit({ amountGwei: GWEI - 1n });
      await expect(sendBatch(contract, [good, low]))
        .to.be.revertedWithCustomError(contract, "DepositValueTooLow")
        .withArgs((GWEI - 1n) * GWEI, BTCC);
      const [pubkeys, credentials, signatures, roots] = batchArgs([good, good]);
      const amounts = [good.amountGwei * GWEI, BTCC + 1n];
      await expect(
        contract.batchDeposit(pubkeys, credentials, signatures, roots, amounts, { value: amounts[0] + amounts[1] }),
      )
        .to.be.revertedWithCustomError(contract, "DepositValueNotMultipleOfGwei")
        .withArgs(BTCC + 1n);
      const tooHigh = [good.amountGwei * GWEI, MAX_WEI + GWEI];
      await expect(
        contract.batchDeposit(pubkeys, credentials, signatures, roots, tooHigh, { value: tooHigh[0] + tooHigh[1] }),
      )
        .to.be.revertedWithCustomError(contract, "DepositValueTooHigh")
        .withArgs(MAX_WEI + GWEI, MAX_WEI);
    });

    it("is all-or-nothing: one bad root reverts the whole batch, with no log and no change", async () => {
      const { contract } = await deployDepositContract();
      await mined(sendDeposit(contract, makeDeposit()));
      const rootBefore = await contract.get_deposit_root();
      const deposits = [makeDeposit(), makeDeposit(), makeDeposit(), makeDeposit()];
      const bad = { ...deposits[2], root: deposits[1].root };
      await expect(sendBatch(contract, [deposits[0], deposits[1], bad, deposits[3]]))
        .to.be.revertedWithCustomError(contract, "DepositDataRootMismatch")
        .withArgs(hexlify(deposits[2].root), hexlify(deposits[1].root));
      expect(await contract.get_deposit_root()).to.equal(rootBefore);
      expect(await contract.get_deposit_count()).to.equal("0x0100000000000000");
    });

    it("rejects a batch that would take the tree past 2**32-1 deposits", async () => {
      const { contract, ethers } = await deployDepositContract();
      const address = await contract.getAddress();
      await ethers.provider.send("hardhat_setStorageAt", [address, "0x20", ethers.toBeHex(MAX_DEPOSIT_COUNT - 2n, 32)]);
      const three = [makeDeposit(), makeDeposit(), makeDeposit()];
      await expect(sendBatch(contract, three)).to.be.revertedWithCustomError(contract, "DepositTreeFull");
      await mined(sendBatch(contract, three.slice(0, 2))); // exactly fills the tree
      await expect(sendBatch(contract, three.slice(2))).to.be.revertedWithCustomError(contract, "DepositTreeFull");
    });
  });
});
