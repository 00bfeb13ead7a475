// Debian's Chromium driven by playwright-core (pinned to the release built for the same Chromium major). Nothing is
// downloaded: the browser is /usr/bin/chromium (`apt-get install -y chromium`), or $CHROMIUM_PATH.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const logged = new Set<string>();

/** Launches headless Chromium and logs its version once per process (Debian moves majors under the pinned driver). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
  const version = browser.version();
  if (!logged.has(version)) {
    logged.add(version);
    console.log(`      browser: Chromium ${version} (${CHROMIUM_PATH})`);
  }
  return browser;
}
