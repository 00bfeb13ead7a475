// The registry's exit fork versions and genesis validators roots, checked with ethstaker's signed voluntary exit
// table: a SignedVoluntaryExit verifies only under its own network's
// compute_domain(DOMAIN_VOLUNTARY_EXIT, exit_fork_version, genesis_validators_root) (EIP-7044).
import { ContainerType } from "@chainsafe/ssz";
import { expect } from "chai";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { getNetwork } from "../../../sdk/networks/index.js";
import { computeDomain, computeSigningRoot, UintNum64 } from "../../../sdk/ssz/index.js";
import { readVector } from "../deposit/vectors.js";

const VoluntaryExit = new ContainerType({ epoch: UintNum64, validatorIndex: UintNum64 });
const DOMAIN_VOLUNTARY_EXIT = Uint8Array.of(4, 0, 0, 0);
const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));

interface ExitCase {
  chain: string;
  epoch: number;
  validator_index: number;
  pubkey: string;
  signature: string;
  valid: boolean;
}

describe("sdk/networks exit fork versions (ethstaker signed voluntary exits)", () => {
  const { cases } = readVector<{ signed_voluntary_exit: { cases: ExitCase[] } }>(
    "ethstaker_unit_vectors.json",
  ).signed_voluntary_exit;
  for (const c of cases) {
    it(`${c.chain} epoch ${c.epoch} index ${c.validator_index} pubkey ${c.pubkey.slice(0, 8)} -> ${c.valid}`, () => {
      const network = getNetwork(c.chain);
      const domain = computeDomain(DOMAIN_VOLUNTARY_EXIT, network.exitForkVersion, network.genesisValidatorsRoot!);
      const root = computeSigningRoot(
        VoluntaryExit.hashTreeRoot({ epoch: c.epoch, validatorIndex: c.validator_index }),
        domain,
      );
      expect(bls.verify(hex(c.pubkey), root, hex(c.signature))).to.equal(c.valid);
    });
  }
});
