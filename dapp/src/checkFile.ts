// Reads a deposit_data file's text through the verification worker and makes it the file the user works with.
import type { AppConfig } from "./config.js";
import { type LoadedFile, setLoadedFile } from "./session.js";
import { verifyInWorkers } from "./verifyClient.js";

export async function checkFile(
  cfg: AppConfig,
  name: string,
  text: string,
  onProgress: (verified: number, total: number) => void,
): Promise<LoadedFile> {
  const { result, ms, workers } = await verifyInWorkers(text, cfg.networkName, onProgress);
  const file: LoadedFile = { name, text, result, ms, workers };
  // only a file whose every entry passed is kept for sending (and for resuming after a reload)
  setLoadedFile(cfg, result.ok ? file : null);
  return file;
}

/** The network a refused file is for, when its signatures verify for another network (WRONG_NETWORK). */
export function otherNetworkOf(file: LoadedFile): string | null {
  for (const e of file.result.entries) if (e.signedForNetwork) return e.signedForNetwork;
  return null;
}
