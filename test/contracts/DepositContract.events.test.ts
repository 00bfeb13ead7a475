// DepositEvent logs (decoded and raw layout), get_deposit_count, get_deposit_root, ERC-165 and top-ups.
import { expect } from "chai";
import { AbiCoder, hexlify } from "ethers";
import {
  BTCC,
  DEPOSIT_EVENT_TOPIC,
  DepositListModel,
  deployDepositContract,
  GWEI,
  littleEndian64,
  MAX_GWEI,
  makeDeposit,
  mined,
  sendDeposit,
} from "./depositFixtures.js";

describe("DepositContract: logs, views and ERC-165", () => {
  it("emits a DepositEvent whose decoded fields are the deposit's, amount and index little-endian", async () => {
    const { contract } = await deployDepositContract();
    const d = makeDeposit({ amountGwei: 1000n * GWEI });
    await expect(sendDeposit(contract, d))
      .to.emit(contract, "DepositEvent")
      .withArgs(
        hexlify(d.pubkey),
        hexlify(d.withdrawalCredentials),
        littleEndian64(1000n * GWEI),
        hexlify(d.signature),
        littleEndian64(0n),
      );
    const second = makeDeposit({ amountGwei: 0x0102030405n });
    await expect(sendDeposit(contract, second))
      .to.emit(contract, "DepositEvent")
      .withArgs(
        hexlify(second.pubkey),
        hexlify(second.withdrawalCredentials),
        "0x0504030201000000",
        hexlify(second.signature),
        "0x0100000000000000",
      );
  });

  it("writes log data byte-identical to Ethereum's: 576 bytes, same offsets and lengths", async () => {
    const { contract } = await deployDepositContract();
    await mined(sendDeposit(contract, makeDeposit()));
    const d = makeDeposit({ amountGwei: MAX_GWEI });
    const receipt = await mined(sendDeposit(contract, d));
    expect(receipt.logs).to.have.length(1);
    const log = receipt.logs[0];
    expect(log.address).to.equal(await contract.getAddress());
    expect(log.topics).to.deep.equal([DEPOSIT_EVENT_TOPIC]);

    const data = Buffer.from(log.data.slice(2), "hex");
    expect(data.length).to.equal(576);
    const word = (offset: number) => BigInt(`0x${data.subarray(offset, offset + 32).toString("hex")}`);
    // Head: the offsets of the five `bytes` fields.
    expect([0, 32, 64, 96, 128].map(word)).to.deep.equal([0xa0n, 0x100n, 0x140n, 0x180n, 0x200n]);
    // Each field: a length word, then the bytes, zero-padded to whole words.
    const field = (offset: number, length: number, padded: number) => {
      expect(word(offset)).to.equal(BigInt(length));
      expect(data.subarray(offset + 32 + length, offset + 32 + padded).every((b) => b === 0)).to.equal(true);
      return `0x${data.subarray(offset + 32, offset + 32 + length).toString("hex")}`;
    };
    expect(field(0xa0, 48, 64)).to.equal(hexlify(d.pubkey));
    expect(field(0x100, 32, 32)).to.equal(hexlify(d.withdrawalCredentials));
    expect(field(0x140, 8, 32)).to.equal("0xffffffffffffffff");
    expect(field(0x180, 96, 96)).to.equal(hexlify(d.signature));
    expect(field(0x200, 8, 32)).to.equal(littleEndian64(1n));

    // And the whole is the standard ABI encoding of the five byte strings, which is what Ethereum's contract logs.
    const expected = AbiCoder.defaultAbiCoder().encode(
      ["bytes", "bytes", "bytes", "bytes", "bytes"],
      [d.pubkey, d.withdrawalCredentials, "0xffffffffffffffff", d.signature, littleEndian64(1n)],
    );
    expect(log.data).to.equal(expected);
  });

  it("get_deposit_count is the count as 8 bytes little-endian", async () => {
    const { contract, ethers } = await deployDepositContract();
    expect(await contract.get_deposit_count()).to.equal("0x0000000000000000");
    await mined(sendDeposit(contract, makeDeposit()));
    expect(await contract.get_deposit_count()).to.equal("0x0100000000000000");
    // Slot 32 holds deposit_count: check the byte order on a count with eight distinct bytes.
    await ethers.provider.send("hardhat_setStorageAt", [
      await contract.getAddress(),
      "0x20",
      ethers.toBeHex(0xfedcba9876543210n, 32),
    ]);
    expect(await contract.get_deposit_count()).to.equal("0x1032547698badcfe");
  });

  it("get_deposit_root of the empty tree is hash_tree_root of the empty List[DepositData, 2**32]", async () => {
    const { contract } = await deployDepositContract();
    expect(await contract.get_deposit_root()).to.equal(new DepositListModel().root());
  });

  it("accepts top-ups for a known pubkey as ordinary deposits, each logged and added to the tree", async () => {
    const { contract } = await deployDepositContract();
    const model = new DepositListModel();
    const first = makeDeposit({ amountGwei: 1n * GWEI });
    const pubkey = first.pubkey;
    const withdrawalCredentials = first.withdrawalCredentials;
    const topUps = [first, makeDeposit({ pubkey, withdrawalCredentials, amountGwei: 999n * GWEI })];
    topUps.push(makeDeposit({ pubkey, withdrawalCredentials, amountGwei: 5n * GWEI }));
    for (const [index, d] of topUps.entries()) {
      await expect(sendDeposit(contract, d))
        .to.emit(contract, "DepositEvent")
        .withArgs(
          hexlify(pubkey),
          hexlify(withdrawalCredentials),
          littleEndian64(d.amountGwei),
          hexlify(d.signature),
          littleEndian64(BigInt(index)),
        );
      model.push(d);
      expect(await contract.get_deposit_root()).to.equal(model.root());
    }
    expect(await contract.get_deposit_count()).to.equal(littleEndian64(3n));
  });

  it("accepts exactly 1 BTCC and exactly 2**64-1 gwei, and keeps the coins", async () => {
    const { contract, ethers } = await deployDepositContract();
    await mined(sendDeposit(contract, makeDeposit({ amountGwei: BTCC / GWEI })));
    await mined(sendDeposit(contract, makeDeposit({ amountGwei: MAX_GWEI })));
    expect(await ethers.provider.getBalance(await contract.getAddress())).to.equal(BTCC + MAX_GWEI * GWEI);
  });

  it("supports ERC-165 for IERC165, Ethereum's IDepositContract and IBatchDepositContract, nothing else", async () => {
    const { contract } = await deployDepositContract();
    const batchSelector = contract.interface.getFunction("batchDeposit")!.selector;
    expect(await contract.supportsInterface("0x01ffc9a7")).to.equal(true); // IERC165
    expect(await contract.supportsInterface("0x85640907")).to.equal(true); // Ethereum's deposit contract
    expect(await contract.supportsInterface(batchSelector)).to.equal(true); // IBatchDepositContract: one function
    expect(await contract.supportsInterface("0xffffffff")).to.equal(false); // ERC-165's invalid id
    expect(await contract.supportsInterface("0x12345678")).to.equal(false);
  });
});
