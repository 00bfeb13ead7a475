// BIP-39 mnemonics in every word list @scure/bip39 ships. The seed is PBKDF2-HMAC-SHA512 over the NFKD forms of
// the mnemonic and "mnemonic" + passphrase (done by @scure/bip39).
import * as bip39 from "@scure/bip39";
import { wordlist as czech } from "@scure/bip39/wordlists/czech.js";
import { wordlist as english } from "@scure/bip39/wordlists/english.js";
import { wordlist as french } from "@scure/bip39/wordlists/french.js";
import { wordlist as italian } from "@scure/bip39/wordlists/italian.js";
import { wordlist as japanese } from "@scure/bip39/wordlists/japanese.js";
import { wordlist as korean } from "@scure/bip39/wordlists/korean.js";
import { wordlist as portuguese } from "@scure/bip39/wordlists/portuguese.js";
import { wordlist as chineseSimplified } from "@scure/bip39/wordlists/simplified-chinese.js";
import { wordlist as spanish } from "@scure/bip39/wordlists/spanish.js";
import { wordlist as chineseTraditional } from "@scure/bip39/wordlists/traditional-chinese.js";
import { KeyError } from "./errors.js";

/** Word-list names as the reference deposit CLI spells them. */
export const WORDLISTS = {
  chinese_simplified: chineseSimplified,
  chinese_traditional: chineseTraditional,
  czech,
  english,
  french,
  italian,
  japanese,
  korean,
  portuguese,
  spanish,
} as const satisfies Record<string, string[]>;

export type MnemonicLanguage = keyof typeof WORDLISTS;

export const MNEMONIC_LANGUAGES = Object.keys(WORDLISTS) as MnemonicLanguage[];

/** Entropy sizes BIP-39 allows, in bits (12, 15, 18, 21 or 24 words). */
export type MnemonicStrength = 128 | 160 | 192 | 224 | 256;

function wordlistOf(language: string): string[] {
  if (!Object.hasOwn(WORDLISTS, language)) {
    throw new KeyError(
      "UNKNOWN_MNEMONIC_LANGUAGE",
      `unknown mnemonic language "${language}"; expected one of ${MNEMONIC_LANGUAGES.join(", ")}`,
    );
  }
  return WORDLISTS[language as MnemonicLanguage];
}

/**
 * The mnemonic as BIP-39 reads it: NFKD, lower case, words separated by single ASCII spaces
 * (so the ideographic space U+3000 of Japanese mnemonics and stray whitespace are accepted).
 */
export function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.normalize("NFKD").toLowerCase().trim().split(/\s+/u).join(" ");
}

/** A fresh random mnemonic (24 words by default, as the reference deposit CLI). */
export function generateMnemonic(language: MnemonicLanguage = "english", strength: MnemonicStrength = 256): string {
  return bip39.generateMnemonic(wordlistOf(language), strength);
}

export function entropyToMnemonic(entropy: Uint8Array, language: MnemonicLanguage = "english"): string {
  if (![16, 20, 24, 28, 32].includes(entropy.length)) {
    throw new KeyError("INVALID_ENTROPY", `entropy must be 16, 20, 24, 28 or 32 bytes, got ${entropy.length}`);
  }
  return bip39.entropyToMnemonic(entropy, wordlistOf(language));
}

/** First four characters (NFKC) of a word: BIP-39 word lists are unique in them. */
const abbreviation = (word: string): string => Array.from(word.normalize("NFKC")).slice(0, 4).join("");

interface WordIndex {
  words: Set<string>;
  /** four-letter abbreviation -> word */
  abbreviations: Map<string, string>;
}

const wordIndexes = new Map<MnemonicLanguage, WordIndex>();

function wordIndexOf(language: MnemonicLanguage): WordIndex {
  let index = wordIndexes.get(language);
  if (!index) {
    const list = WORDLISTS[language];
    index = { words: new Set(list), abbreviations: new Map(list.map((word) => [abbreviation(word), word])) };
    wordIndexes.set(language, index);
  }
  return index;
}

/**
 * The mnemonic in full words of `language`, or null if it is not a valid mnemonic there. Like the reference
 * deposit CLI, a word may be given by its first four letters (BIP-39 guarantees they identify it); unlike it,
 * anything else must be a whole word of the list.
 */
function expandInLanguage(mnemonic: string, language: MnemonicLanguage): string | null {
  const index = wordIndexOf(language);
  const words: string[] = [];
  for (const word of normalizeMnemonic(mnemonic).split(" ")) {
    if (index.words.has(word)) {
      words.push(word);
      continue;
    }
    const short = word.normalize("NFKC");
    const expanded = Array.from(short).length === 4 ? index.abbreviations.get(short) : undefined;
    if (expanded === undefined) return null;
    words.push(expanded.normalize("NFKD"));
  }
  const expanded = words.join(" ");
  return bip39.validateMnemonic(expanded, WORDLISTS[language]) ? expanded : null;
}

/** Every word list in which the mnemonic has valid words and checksum (often one, sometimes both Chinese lists). */
export function detectMnemonicLanguages(mnemonic: string): MnemonicLanguage[] {
  return MNEMONIC_LANGUAGES.filter((language) => expandInLanguage(mnemonic, language) !== null);
}

/**
 * Checks the mnemonic and returns its language and full words. Without `language`, the mnemonic must be valid in
 * exactly one word list: none is INVALID_MNEMONIC, several is AMBIGUOUS_MNEMONIC_LANGUAGE (the caller must say
 * which).
 */
export function resolveMnemonic(
  mnemonic: string,
  language?: MnemonicLanguage,
): { language: MnemonicLanguage; mnemonic: string } {
  if (language !== undefined) {
    wordlistOf(language);
    const expanded = expandInLanguage(mnemonic, language);
    if (expanded === null) {
      throw new KeyError(
        "INVALID_MNEMONIC",
        `not a valid ${language} BIP-39 mnemonic (12-24 words from the word list with a matching checksum)`,
      );
    }
    return { language, mnemonic: expanded };
  }
  const languages = detectMnemonicLanguages(mnemonic);
  if (languages.length === 0) {
    throw new KeyError(
      "INVALID_MNEMONIC",
      "not a valid BIP-39 mnemonic in any word list (expected 12, 15, 18, 21 or 24 words with a matching checksum)",
    );
  }
  if (languages.length > 1) {
    throw new KeyError(
      "AMBIGUOUS_MNEMONIC_LANGUAGE",
      `the mnemonic is valid in several word lists (${languages.join(", ")}); give its language explicitly`,
    );
  }
  return { language: languages[0], mnemonic: expandInLanguage(mnemonic, languages[0])! };
}

/** Checks the mnemonic (see resolveMnemonic) and returns its language. */
export function validateMnemonic(mnemonic: string, language?: MnemonicLanguage): MnemonicLanguage {
  return resolveMnemonic(mnemonic, language).language;
}

export interface MnemonicSeedOptions {
  /** BIP-39 passphrase ("25th word"); default empty. */
  passphrase?: string;
  /** Required when the mnemonic is valid in more than one word list. */
  language?: MnemonicLanguage;
}

/** Validates the mnemonic, then derives the 64-byte BIP-39 seed of its full words (async PBKDF2, 2048 rounds). */
export async function mnemonicToSeed(mnemonic: string, options: MnemonicSeedOptions = {}): Promise<Uint8Array> {
  return bip39.mnemonicToSeed(resolveMnemonic(mnemonic, options.language).mnemonic, options.passphrase ?? "");
}

export function mnemonicToSeedSync(mnemonic: string, options: MnemonicSeedOptions = {}): Uint8Array {
  return bip39.mnemonicToSeedSync(resolveMnemonic(mnemonic, options.language).mnemonic, options.passphrase ?? "");
}
