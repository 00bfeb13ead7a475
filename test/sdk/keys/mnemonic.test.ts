import { expect } from "chai";
import {
  detectMnemonicLanguages,
  entropyToMnemonic,
  generateMnemonic,
  KeyError,
  MNEMONIC_LANGUAGES,
  type MnemonicLanguage,
  mnemonicToSeed,
  mnemonicToSeedSync,
  normalizeMnemonic,
  resolveMnemonic,
  validateMnemonic,
} from "../../../sdk/keys/index.js";
import { bytesToHex, hexToBytes, readKeyVectors } from "./vectors.js";

interface Bip39Vectors {
  passphrase: string;
  vectors: Record<string, [string, string, string][]>;
  ambiguous_multi_language_mnemonics: { mnemonics: string[] };
}

const v = readKeyVectors<Bip39Vectors>("bip39_mnemonic_seed.json");

describe("BIP-39 mnemonics (bip39_mnemonic_seed.json)", () => {
  for (const [language, cases] of Object.entries(v.vectors)) {
    it(`${language}: entropy -> mnemonic -> seed for ${cases.length} vectors`, () => {
      const lang = language as MnemonicLanguage;
      for (const [entropy, mnemonic, seed] of cases) {
        expect(normalizeMnemonic(entropyToMnemonic(hexToBytes(entropy), lang))).to.equal(normalizeMnemonic(mnemonic));
        expect(bytesToHex(mnemonicToSeedSync(mnemonic, { passphrase: v.passphrase, language: lang }))).to.equal(seed);
      }
    });
  }

  it("detects the language of unambiguous mnemonics", () => {
    for (const language of ["english", "japanese", "korean", "spanish", "french"] as const) {
      const [, mnemonic] = v.vectors[language][3];
      expect(validateMnemonic(mnemonic)).to.equal(language);
    }
  });

  it("refuses a mnemonic valid in both Chinese word lists unless the language is given", async () => {
    for (const mnemonic of v.ambiguous_multi_language_mnemonics.mnemonics) {
      expect(detectMnemonicLanguages(mnemonic)).to.have.members(["chinese_simplified", "chinese_traditional"]);
      expect(() => validateMnemonic(mnemonic))
        .to.throw(KeyError)
        .with.property("code", "AMBIGUOUS_MNEMONIC_LANGUAGE");
      let caught: unknown;
      await mnemonicToSeed(mnemonic).catch((e) => {
        caught = e;
      });
      expect(caught).to.be.instanceOf(KeyError).with.property("code", "AMBIGUOUS_MNEMONIC_LANGUAGE");
      expect(validateMnemonic(mnemonic, "chinese_traditional")).to.equal("chinese_traditional");
    }
    // Same words, same seed, whichever list the user names (BIP-39 hashes the text, not the indices).
    const [first] = v.ambiguous_multi_language_mnemonics.mnemonics;
    const a = await mnemonicToSeed(first, { language: "chinese_simplified" });
    const b = await mnemonicToSeed(first, { language: "chinese_traditional" });
    expect(bytesToHex(a)).to.equal(bytesToHex(b));
  });

  it("rejects bad checksums, unknown words and unknown languages with typed errors", () => {
    const words = v.vectors.english[0][1].split(" ");
    const badChecksum = [...words.slice(0, -1), "abandon"].join(" ");
    expect(() => validateMnemonic(badChecksum))
      .to.throw(KeyError)
      .with.property("code", "INVALID_MNEMONIC");
    expect(() => validateMnemonic("not a mnemonic at all"))
      .to.throw(KeyError)
      .with.property("code", "INVALID_MNEMONIC");
    expect(() => validateMnemonic(v.vectors.english[0][1], "french"))
      .to.throw(KeyError)
      .with.property("code", "INVALID_MNEMONIC");
    expect(() => generateMnemonic("klingon" as MnemonicLanguage))
      .to.throw(KeyError)
      .with.property("code", "UNKNOWN_MNEMONIC_LANGUAGE");
  });

  it("accepts upper case, extra whitespace and the ideographic space, with the same seed", () => {
    const [, mnemonic, seed] = v.vectors.english[5];
    const messy = `  ${mnemonic.toUpperCase().split(" ").join("   ")}\n`;
    expect(bytesToHex(mnemonicToSeedSync(messy, { passphrase: v.passphrase }))).to.equal(seed);
    const [, jaMnemonic, jaSeed] = v.vectors.japanese[2];
    const ideographic = jaMnemonic.split(" ").join("\u3000");
    expect(bytesToHex(mnemonicToSeedSync(ideographic, { passphrase: v.passphrase }))).to.equal(jaSeed);
  });

  it("accepts words abbreviated to their first four letters, as the reference CLI does", () => {
    // Vectors whose first word is longer than four letters, so abbreviating changes it.
    const longFirstWord = (language: string) =>
      v.vectors[language].find(([, m]) => Array.from(m.split(" ")[0]).length > 4)!;
    for (const language of ["english", "french", "spanish"] as const) {
      const [, mnemonic, seed] = longFirstWord(language);
      const short = mnemonic
        .normalize("NFKC")
        .split(" ")
        .map((w) => Array.from(w).slice(0, 4).join(""))
        .join(" ");
      expect(resolveMnemonic(short).mnemonic).to.equal(normalizeMnemonic(mnemonic));
      expect(bytesToHex(mnemonicToSeedSync(short, { passphrase: v.passphrase }))).to.equal(seed);
    }
    // Three letters of a longer word, or extra letters after the fourth, are not words.
    const words = longFirstWord("english")[1].split(" ");
    const threeLetters = words.map((w, i) => (i === 0 ? w.slice(0, 3) : w)).join(" ");
    const misspelled = words.map((w, i) => (i === 0 ? `${w}x` : w)).join(" ");
    for (const bad of [threeLetters, misspelled]) {
      expect(() => validateMnemonic(bad))
        .to.throw(KeyError)
        .with.property("code", "INVALID_MNEMONIC");
    }
  });

  it("generates valid 24-word mnemonics in every language", () => {
    for (const language of MNEMONIC_LANGUAGES) {
      const mnemonic = generateMnemonic(language);
      expect(normalizeMnemonic(mnemonic).split(" ")).to.have.length(24);
      expect(detectMnemonicLanguages(mnemonic)).to.include(language);
    }
    expect(generateMnemonic("english", 128).split(" ")).to.have.length(12);
  });

  it("the passphrase changes the seed", async () => {
    const [, mnemonic] = v.vectors.english[0];
    const a = await mnemonicToSeed(mnemonic);
    const b = await mnemonicToSeed(mnemonic, { passphrase: "TREZOR" });
    expect(bytesToHex(a)).to.not.equal(bytesToHex(b));
    expect(bytesToHex(b)).to.equal(v.vectors.english[0][2]);
  });
});
