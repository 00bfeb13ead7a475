import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { getBls } from "../../crypto/bls/index.js";
import { decryptKeystore } from "../../keys/keystore/decrypt.js";
import { parseKeystore } from "../../keys/keystore/parse.js";
import type { Keystore } from "../../keys/keystore/types.js";
import { readPasswordFile } from "../input.node.js";
import { AnswerError, Interaction, parseInteger } from "../interaction.node.js";
import {
  addExitOptions,
  chooseExitSettings,
  confirmExits,
  type ExitCommandOptions,
  signAndWriteExits,
} from "./exitOptions.node.js";

async function readKeystoreFile(file: string): Promise<Keystore> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new AnswerError(`cannot read keystore ${file}: ${(e as Error).message}`);
  }
  return parseKeystore(text);
}

/** `exit-transaction-keystore`: a signed voluntary exit for the validator of an EIP-2335 keystore. */
export function exitTransactionKeystoreCommand(): Command {
  return addExitOptions(
    new Command("exit-transaction-keystore")
      .description("sign a voluntary exit offline with a validator keystore: signed_exit_transaction-<index>-<ts>.json")
      .option("--keystore <file>", "the validator's EIP-2335 keystore (keystore-m_12381_3600_<i>_0_0-<ts>.json)")
      .option("--keystore-password-file <file>", "file holding the keystore password (else asked, hidden)")
      .option("--validator-index <index>", "the validator's index on the beacon chain"),
  ).action(
    async (
      options: ExitCommandOptions & { keystore?: string; keystorePasswordFile?: string; validatorIndex?: string },
    ) => {
      const ia = new Interaction(options.nonInteractive === true);
      try {
        const settings = await chooseExitSettings(ia, options);
        const keystoreFile = options.keystore;
        const keystore = await ia.value({
          flag: "--keystore",
          given: keystoreFile,
          question: "Keystore file",
          parse: readKeystoreFile,
        });
        let secretKey: Uint8Array;
        if (options.keystorePasswordFile) {
          secretKey = await decryptKeystore(keystore, await readPasswordFile(options.keystorePasswordFile));
        } else {
          secretKey = await ia.value({
            flag: "--keystore-password-file",
            given: undefined,
            question: "Keystore password (hidden)",
            hidden: true,
            parse: (password) => decryptKeystore(keystore, password),
          });
        }
        const validatorIndex = await ia.value({
          flag: "--validator-index",
          given: options.validatorIndex,
          question: "Validator index",
          explain: `The beacon-chain index of the validator with pubkey 0x${keystore.pubkey}.`,
          parse: (a) => parseInteger(a, 0),
        });
        const bls = await getBls();
        const pubkey = bls.secretKeyToPublicKey(secretKey);
        const source = keystore.path ? `keystore ${keystore.path}` : "keystore";
        const signers = [{ validatorIndex, secretKey, pubkey, source }];
        await confirmExits(ia, settings, signers);
        ia.close();
        await signAndWriteExits(bls, settings, signers);
      } finally {
        ia.close();
      }
    },
  );
}
