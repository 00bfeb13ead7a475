// Offline voluntary exits: byte-exact signatures from eth-staking-smith's test vectors (Lighthouse's signing), the
// ethstaker deposit CLI's accept/reject table, an independent recomputation of the signing root from the spec's
// definitions, and the reference CLI's file format.
import { ByteVectorType, ContainerType, UintNumberType } from "@chainsafe/ssz";
import { sha256 } from "@noble/hashes/sha2.js";
import { expect } from "chai";
import fc from "fast-check";
import { bls } from "../../../sdk/crypto/bls/index.js";
import {
  exitDomainParams,
  exitTransactionFileName,
  parseSignedVoluntaryExitJson,
  serializeExitTransactionFile,
  signVoluntaryExit,
  verifySignedVoluntaryExit,
  voluntaryExitSigningRoot,
} from "../../../sdk/exit/index.js";
import { deriveValidatorKeys, mnemonicToSeedSync } from "../../../sdk/keys/index.js";
import { BTC20_DEVNET, getNetwork, KNOWN_NETWORKS, toHex } from "../../../sdk/networks/index.js";
import { readVector } from "../deposit/vectors.js";

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/^0x/, ""), "hex"));

/**
 * ChorusOne/eth-staking-smith src/voluntary_exit/test.rs: key 0 of this mnemonic signs VoluntaryExit(epoch 73682,
 * validator_index 100). Holesky (post-Deneb): Capella's 0x04017000 (EIP-7044). Gnosis at epoch 73682 was in Altair
 * (0x01000064): Lighthouse signs with the fork of the exit's epoch before Deneb, so that vector pins the explicit
 * fork-version form of the SDK.
 */
const SMITH_PHRASE =
  "entire habit bottom mention spoil clown finger wheat motion fox axis mechanic country make garment bar blind stadium sugar water scissors canyon often ketchup";
const SMITH_MESSAGE = { epoch: 73682, validatorIndex: 100 };
const SMITH_HOLESKY =
  "a418543c8bdc266e00a45d7409386fffe02ad9ce3c1e707d562b38f7160966567602c518f6615edc8ecd964b978837f30a742c535dafc33137833b3aa6c30f4fecf37449de405ed50d8e436f21c6f58c0a48407037b1985507c3221ce53ba213";
const SMITH_GNOSIS_ALTAIR =
  "8a237dd1b6127ebd9d7103e2117b8b093a049aa5a42f45c55bb17d3b689b9aa0fe5730954d9d322b6cf0eecc7205da03153cf7f155a46f582b704a511a5306267bbe6b78a71ef55a72709350770e05578253f54f7088514dcdf5f5c73db53c45";

function smithKey(): { secretKey: Uint8Array; pubkey: Uint8Array } {
  const [k] = deriveValidatorKeys(mnemonicToSeedSync(SMITH_PHRASE), 3600, 0, 1);
  return { secretKey: k!.signingSecretKey, pubkey: bls.secretKeyToPublicKey(k!.signingSecretKey) };
}

/** The spec's definitions written out again with independent SSZ types and a hand-built domain. */
function specSigningRoot(epoch: number, validatorIndex: number, forkVersion: Uint8Array, gvr: Uint8Array): Uint8Array {
  const u64 = new UintNumberType(8);
  const b32 = new ByteVectorType(32);
  const exitRoot = new ContainerType({ epoch: u64, validator_index: u64 }).hashTreeRoot({
    epoch,
    validator_index: validatorIndex,
  });
  // fork_data_root = hash(version padded to 32 bytes ++ genesis_validators_root): a two-leaf Merkle tree.
  const leaf = new Uint8Array(64);
  leaf.set(forkVersion, 0);
  leaf.set(gvr, 32);
  const forkDataRoot = sha256(leaf);
  const domain = new Uint8Array(32);
  domain.set([4, 0, 0, 0], 0);
  domain.set(forkDataRoot.subarray(0, 28), 4);
  return new ContainerType({ object_root: b32, domain: b32 }).hashTreeRoot({ object_root: exitRoot, domain });
}

describe("sdk/exit: offline SignedVoluntaryExit", () => {
  it("reproduces eth-staking-smith's holesky exit signature byte for byte (EIP-7044 Capella version)", () => {
    const { secretKey, pubkey } = smithKey();
    const params = exitDomainParams(getNetwork("holesky"));
    const signed = signVoluntaryExit(bls, secretKey, SMITH_MESSAGE, params);
    expect(toHex(signed.signature)).to.equal(SMITH_HOLESKY);
    expect(verifySignedVoluntaryExit(bls, pubkey, signed, params)).to.equal(true);
  });

  it("reproduces eth-staking-smith's gnosis exit signature with that epoch's (Altair) fork version", () => {
    const { secretKey } = smithKey();
    const gnosis = getNetwork("gnosis");
    const params = { exitForkVersion: hex("01000064"), genesisValidatorsRoot: gnosis.genesisValidatorsRoot! };
    expect(toHex(signVoluntaryExit(bls, secretKey, SMITH_MESSAGE, params).signature)).to.equal(SMITH_GNOSIS_ALTAIR);
    // The SDK's gnosis default is the Capella version (EIP-7044, gnosis is past Deneb): a different signature.
    const capella = signVoluntaryExit(bls, secretKey, SMITH_MESSAGE, exitDomainParams(gnosis));
    expect(toHex(capella.signature)).to.not.equal(SMITH_GNOSIS_ALTAIR);
  });

  it("agrees with ethstaker-deposit-cli's signed-exit accept/reject table", () => {
    interface Case {
      chain: string;
      epoch: number;
      validator_index: number;
      pubkey: string;
      signature: string;
      valid: boolean;
    }
    const { cases } = readVector<{ signed_voluntary_exit: { cases: Case[] } }>(
      "ethstaker_unit_vectors.json",
    ).signed_voluntary_exit;
    for (const c of cases) {
      const ok = verifySignedVoluntaryExit(
        bls,
        hex(c.pubkey),
        { message: { epoch: c.epoch, validatorIndex: c.validator_index }, signature: hex(c.signature) },
        exitDomainParams(getNetwork(c.chain)),
      );
      expect(ok, JSON.stringify(c)).to.equal(c.valid);
    }
  });

  it("signing roots equal the spec's definitions recomputed independently, for every network and any message", () => {
    const gvr = hex("11".repeat(32));
    fc.assert(
      fc.property(
        fc.constantFrom(...KNOWN_NETWORKS),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.nat({ max: 2 ** 40 }),
        (network, epoch, validatorIndex) => {
          const params = exitDomainParams(network, network.genesisValidatorsRoot ? undefined : gvr);
          const ours = voluntaryExitSigningRoot({ epoch, validatorIndex }, params);
          const spec = specSigningRoot(epoch, validatorIndex, network.exitForkVersion, params.genesisValidatorsRoot);
          expect(toHex(ours)).to.equal(toHex(spec));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("BTC20 networks sign with their genesis fork version and need a genesis validators root", () => {
    expect(() => exitDomainParams(BTC20_DEVNET)).to.throw(/no fixed genesis validators root/);
    expect(() => exitDomainParams(BTC20_DEVNET, "0x1234")).to.throw(/32 bytes/);
    expect(() => exitDomainParams(getNetwork("mainnet"), "22".repeat(32))).to.throw(/differs from mainnet's/);
    const params = exitDomainParams(BTC20_DEVNET, `0x${"ab".repeat(32)}`);
    expect(toHex(params.exitForkVersion)).to.equal("20200002");
    const { secretKey, pubkey } = smithKey();
    const signed = signVoluntaryExit(bls, secretKey, { epoch: 5, validatorIndex: 3 }, params);
    expect(verifySignedVoluntaryExit(bls, pubkey, signed, params)).to.equal(true);
    const testnet = exitDomainParams(getNetwork("btc20-testnet"), params.genesisValidatorsRoot);
    expect(verifySignedVoluntaryExit(bls, pubkey, signed, testnet)).to.equal(false);
  });

  it("rejects bad messages and writes/reads the reference CLI's JSON exactly", () => {
    const { secretKey } = smithKey();
    const params = exitDomainParams(getNetwork("holesky"));
    expect(() => signVoluntaryExit(bls, secretKey, { epoch: -1, validatorIndex: 0 }, params)).to.throw(/epoch/);
    expect(() => signVoluntaryExit(bls, secretKey, { epoch: 0, validatorIndex: 1.5 }, params)).to.throw(/index/);
    const signed = signVoluntaryExit(bls, secretKey, SMITH_MESSAGE, params);
    const text = serializeExitTransactionFile(signed);
    expect(text).to.equal(
      `{"message": {"epoch": "73682", "validator_index": "100"}, "signature": "0x${SMITH_HOLESKY}"}`,
    );
    expect(parseSignedVoluntaryExitJson(text)).to.deep.equal(signed);
    expect(exitTransactionFileName(100, 1700000000.7)).to.equal("signed_exit_transaction-100-1700000000.json");
    expect(() =>
      parseSignedVoluntaryExitJson('{"message":{"epoch":1,"validator_index":"2"},"signature":"0x"}'),
    ).to.throw(/message.epoch must be a decimal string/);
    expect(() =>
      parseSignedVoluntaryExitJson('{"message":{"epoch":"1","validator_index":"2"},"signature":"0x12"}'),
    ).to.throw(/signature must be 0x/);
  });
});
