// ethstaker_unit_vectors.json: 0x00 credentials from a mnemonic, the --amount table, withdrawal-address checksum
// rules, and the docs example signed for holesky but labelled hoodi (a wrong-network negative).
import { expect } from "chai";
import { bls } from "../../../sdk/crypto/bls/index.js";
import {
  blsWithdrawalCredentials,
  DepositError,
  depositMessageRoot,
  depositSigningRoot,
  parseDepositAmountCoins,
  parseWithdrawalAddress,
  verifyDepositData,
} from "../../../sdk/deposit/index.js";
import { deriveSecretKeyAtPath, withdrawalKeyPath } from "../../../sdk/keys/index.js";
import { mnemonicToSeedSync } from "../../../sdk/keys/mnemonic.js";
import { getNetwork, loadNetworkConfig, type NetworkParams, toHex } from "../../../sdk/networks/index.js";
import { computeSigningRoot } from "../../../sdk/ssz/index.js";
import { readVector } from "./vectors.js";

const v = readVector<{
  ssz_domain: {
    compute_signing_root: {
      deposit_message: { pubkey: string; withdrawal_credentials: string; amount: number };
      domain: string;
      expected: string;
    };
  };
  bls_withdrawal_credentials_from_mnemonic: {
    mnemonic: string;
    mnemonic_passphrase: string;
    expected: { validator_key_index: number; withdrawal_credentials: string }[];
  };
  deposit_amount_validation: {
    devnet_setting_used: object;
    cases: { amount_eth: string; valid: boolean; chain: string }[];
  };
  withdrawal_address_validation: { accept: { input: string; normalized: string }[]; reject: string[] };
  docs_examples: { deposit_data_example: object[] };
}>("ethstaker_unit_vectors.json");

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));

describe("sdk/deposit against ethstaker unit vectors", () => {
  it("computes the deposit message signing root of test_ssz.py", () => {
    const c = v.ssz_domain.compute_signing_root;
    const root = depositMessageRoot({
      pubkey: hex(c.deposit_message.pubkey),
      withdrawalCredentials: hex(c.deposit_message.withdrawal_credentials),
      amountGwei: BigInt(c.deposit_message.amount),
    });
    expect(toHex(computeSigningRoot(root, hex(c.domain)))).to.equal(c.expected);
    // and the deposit helper builds the domain from a fork version the same way
    expect(depositSigningRoot(root, hex("12121212"))).to.have.length(32);
  });

  it("derives 0x00 withdrawal credentials from the mnemonic", () => {
    const c = v.bls_withdrawal_credentials_from_mnemonic;
    const seed = mnemonicToSeedSync(c.mnemonic, { passphrase: c.mnemonic_passphrase });
    for (const e of c.expected) {
      const sk = deriveSecretKeyAtPath(seed, withdrawalKeyPath(3600, e.validator_key_index));
      expect(toHex(blsWithdrawalCredentials(bls.secretKeyToPublicKey(sk)))).to.equal(e.withdrawal_credentials);
    }
  });

  it("accepts and rejects --amount values exactly as the reference CLI's table", () => {
    const devnet = loadNetworkConfig(v.deposit_amount_validation.devnet_setting_used, { allowKnownForkVersion: true });
    const networkFor = (chain: string): NetworkParams => (chain === "devnet" ? devnet : getNetwork(chain));
    for (const c of v.deposit_amount_validation.cases) {
      const network = networkFor(c.chain);
      const label = `${JSON.stringify(c.amount_eth)} on ${c.chain}`;
      if (c.valid) {
        const gwei = parseDepositAmountCoins(c.amount_eth, network);
        expect(gwei, label).to.equal(BigInt(Math.round(Number(c.amount_eth) * 1e9)) * BigInt(network.multiplier));
      } else {
        expect(() => parseDepositAmountCoins(c.amount_eth, network), label)
          .to.throw(DepositError)
          .with.property("code", "AMOUNT_RANGE");
      }
    }
  });

  it("accepts only EIP-55 checksummed withdrawal addresses", () => {
    for (const a of v.withdrawal_address_validation.accept) {
      expect(parseWithdrawalAddress(a.input).toLowerCase()).to.equal(a.normalized);
    }
    for (const bad of v.withdrawal_address_validation.reject) {
      expect(() => parseWithdrawalAddress(bad), bad)
        .to.throw(DepositError)
        .with.property("code", "BAD_WITHDRAWAL_ADDRESS");
    }
    // an all-lower-case address with letters carries no checksum: refused, naming the checksummed form
    expect(() => parseWithdrawalAddress("0x00000000219ab540356cbb839cbe05303d7705fa")).to.throw(
      /expected 0x00000000219ab540356cBB839Cbe05303d7705Fa/,
    );
  });

  it("reports the docs example (labelled hoodi) as WRONG_NETWORK, signed for holesky", () => {
    const result = verifyDepositData(v.docs_examples.deposit_data_example, getNetwork("hoodi"), { bls });
    expect(result.ok).to.equal(false);
    for (const entry of result.entries) {
      expect(entry.issues.map((i) => i.code)).to.deep.equal(["WRONG_NETWORK"]);
      expect(entry.signedForNetwork).to.equal("holesky");
      expect(entry.issues[0]!.message).to.match(/signed for holesky \(fork version 01017000\), not for hoodi/);
    }
    expect(verifyDepositData(v.docs_examples.deposit_data_example, getNetwork("holesky"), { bls }).ok).to.equal(true);
  });
});
