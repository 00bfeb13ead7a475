// The deposit_data file the user is working with. Its text is kept in localStorage (deposit data is public: pubkeys,
// credentials, signatures; no secrets) so a reload resumes where the user was; it is verified again on load.
import type { DepositEntryResult, VerifyDepositDataResult } from "../../sdk/browser.js";
import { type AppConfig, storageKey } from "./config.js";

export interface LoadedFile {
  name: string;
  text: string;
  result: VerifyDepositDataResult;
  ms: number;
  /** Web Workers that shared the verification */
  workers: number;
}

let current: LoadedFile | null = null;

export function loadedFile(): LoadedFile | null {
  return current;
}

export function setLoadedFile(cfg: AppConfig, file: LoadedFile | null): void {
  current = file;
  if (file) localStorage.setItem(storageKey(cfg, "file"), JSON.stringify({ name: file.name, text: file.text }));
  else localStorage.removeItem(storageKey(cfg, "file"));
}

export function savedFile(cfg: AppConfig): { name: string; text: string } | null {
  try {
    const raw = localStorage.getItem(storageKey(cfg, "file"));
    return raw ? (JSON.parse(raw) as { name: string; text: string }) : null;
  } catch {
    return null;
  }
}

/** Entries that passed every check (only these can be sent). */
export function validEntries(file: LoadedFile): DepositEntryResult[] {
  return file.result.ok ? file.result.entries : [];
}
