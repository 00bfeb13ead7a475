// Upload: a deposit_data-*.json file (drag and drop or the file picker), every entry checked by the SDK's verifier in
// a Web Worker with progress; each problem shown per entry with its code and what to do.
import { ISSUE_ADVICE } from "../advice.js";
import { checkFile, otherNetworkOf } from "../checkFile.js";
import { appConfig } from "../config.js";
import { h, render, shortHex, statusLine } from "../dom.js";
import { type LoadedFile, loadedFile, savedFile } from "../session.js";

export default function upload(main: HTMLElement, _params: string[], signal: AbortSignal): void {
  const cfg = appConfig();
  const input = h("input", { type: "file", id: "file", accept: ".json,application/json", "data-testid": "file-input" });
  const zone = h(
    "div",
    { class: "drop", "data-testid": "drop-zone" },
    h("p", {}, "Drop your deposit_data-*.json here, or"),
    h("label", { for: "file" }, "choose a file:"),
    input,
  );
  const progress = h("progress", { max: 1, value: 0, hidden: true, "aria-label": "Checking deposits" });
  const line = statusLine();
  const results = h("div", { "data-testid": "upload-results" });
  main.append(
    h("h1", {}, "Upload deposit data"),
    h(
      "p",
      {},
      `Every deposit is checked in your browser for ${cfg.networkName}: fields, amounts, both roots and the BLS signature. Nothing is sent anywhere.`,
    ),
    zone,
    progress,
    line,
    results,
  );

  const check = async (name: string, text: string) => {
    progress.hidden = false;
    progress.value = 0;
    line.classList.remove("error");
    line.textContent = `Checking ${name}…`;
    render(results);
    try {
      const file = await checkFile(cfg, name, text, (done, total) => {
        progress.max = total;
        progress.value = done;
        line.textContent = `Checking ${name}: ${done} of ${total} signatures verified…`;
      });
      if (signal.aborted) return;
      showResult(file);
    } catch (e) {
      const code = (e as { code?: string }).code ?? "ERROR";
      line.textContent = "";
      render(
        results,
        h(
          "div",
          { class: "card", role: "alert" },
          h("p", { class: "error" }, h("strong", {}, code), `: ${(e as Error).message}`),
          h("p", {}, ISSUE_ADVICE[code as keyof typeof ISSUE_ADVICE] ?? ""),
        ),
      );
    } finally {
      progress.hidden = true;
    }
  };

  const showResult = (file: LoadedFile) => {
    const { result } = file;
    const n = result.entries.length;
    if (result.ok) {
      line.textContent = `${file.name}: ${n} deposit${n === 1 ? "" : "s"} checked in ${Math.round(file.ms)} ms (${file.workers} worker${file.workers === 1 ? "" : "s"}).`;
      render(
        results,
        h(
          "div",
          { class: "card", "data-testid": "upload-ok", "data-verify-ms": Math.round(file.ms), "data-entries": n },
          h("p", { class: "ok" }, `All ${n} deposits are valid for ${cfg.networkName}.`),
          h("a", { href: "#/deposit", class: "button" }, "Continue: connect a wallet"),
        ),
      );
      return;
    }
    line.textContent = "";
    const other = otherNetworkOf(file);
    const bad = result.entries.filter((e) => !e.ok);
    render(
      results,
      h(
        "div",
        { class: "card", role: "alert", "data-testid": "upload-refused" },
        h(
          "p",
          { class: "error" },
          other
            ? `Refused: this file is for ${other}, not ${cfg.networkName}.`
            : `Refused: ${bad.length + result.issues.length} problem(s) in ${file.name}. Nothing from this file will be sent.`,
        ),
        result.issues.map((i) => h("p", {}, h("strong", {}, i.code), `: ${i.message}. ${ISSUE_ADVICE[i.code]}`)),
        bad.length > 0
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                { class: "stack" },
                h(
                  "thead",
                  {},
                  h(
                    "tr",
                    {},
                    h("th", {}, "#"),
                    h("th", {}, "pubkey"),
                    h("th", {}, "problem"),
                    h("th", {}, "what to do"),
                  ),
                ),
                h(
                  "tbody",
                  {},
                  bad.flatMap((e) =>
                    e.issues.map((i) =>
                      h(
                        "tr",
                        { "data-code": i.code },
                        h("td", {}, String(e.index)),
                        h("td", {}, h("code", { title: e.pubkey ?? "" }, e.pubkey ? shortHex(e.pubkey) : "—")),
                        h("td", {}, h("span", { class: "badge bad" }, i.code), " ", i.message),
                        h("td", {}, ISSUE_ADVICE[i.code]),
                      ),
                    ),
                  ),
                ),
              ),
            )
          : null,
      ),
    );
  };

  const readFile = (f: File) => void f.text().then((text) => check(f.name, text));
  input.addEventListener("change", () => {
    if (input.files?.[0]) readFile(input.files[0]);
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    const f = e.dataTransfer?.files?.[0];
    if (f) readFile(f);
  });

  const current = loadedFile();
  if (current) showResult(current);
  else {
    const saved = savedFile(cfg);
    if (saved) void check(saved.name, saved.text);
  }
}
