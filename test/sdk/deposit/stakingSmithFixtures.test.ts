// Known answers: every case of eth_staking_smith_deposit_fixtures.json (deposit_data files written by the reference
// Python deposit CLI 1.2.2) reproduced byte for byte, with both BLS back ends.
import { expect } from "chai";
import { getBls } from "../../../sdk/crypto/bls/index.js";
import {
  generateDepositData,
  parseDepositDataFile,
  serializeDepositDataFile,
  verifyDepositData,
} from "../../../sdk/deposit/index.js";
import { mnemonicToSeedSync } from "../../../sdk/keys/mnemonic.js";
import { getNetwork } from "../../../sdk/networks/index.js";
import { stakingSmithCases } from "./vectors.js";

/** Python json.dump(list) of the fixture entries: what the reference CLI wrote to disk. */
function pythonDump(entries: object[]): string {
  return `[${entries
    .map(
      (e) =>
        `{${Object.entries(e)
          .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
          .join(", ")}}`,
    )
    .join(", ")}]`;
}

for (const backend of ["blst", "noble"] as const) {
  describe(`sdk/deposit reproduces eth-staking-smith fixtures (${backend})`, () => {
    for (const c of stakingSmithCases()) {
      it(c.id, async function () {
        if (backend === "noble") this.timeout(60_000);
        const bls = await getBls(backend);
        const network = getNetwork(c.chain);
        const validators = generateDepositData({
          bls,
          seed: mnemonicToSeedSync(c.mnemonic, { passphrase: c.mnemonic_passphrase }),
          network,
          startIndex: c.validator_start_index,
          count: c.num_validators,
          withdrawalAddress: c.withdrawal_address,
        });
        const expected = c.deposit_data_file.json;
        const written = serializeDepositDataFile(
          validators.map((v) => v.deposit),
          expected[0]!.deposit_cli_version,
        );
        expect(written).to.equal(pythonDump(expected));
        expect(validators.map((v) => v.signingKeyPath)).to.deep.equal(
          expected.map((_, k) => `m/12381/3600/${c.validator_start_index + k}/0/0`),
        );
        expect(verifyDepositData(parseDepositDataFile(written), network, { bls }).ok).to.equal(true);
      });
    }
  });
}
