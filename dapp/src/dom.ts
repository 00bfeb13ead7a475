// A tiny DOM builder: the dApp is plain TypeScript + DOM (no framework), so its first load stays small.
type Child = Node | string | number | null | undefined | false;
type Attr = string | number | boolean | undefined | null | ((e: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === "class") el.className = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children.flat());
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
}

/** Replaces the contents of `el`. */
export function render(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children.flat());
}

/** A shortened 0x-hex for tables (full value in the title). */
export function shortHex(hex: string, chars = 10): string {
  const h0x = hex.startsWith("0x") ? hex : `0x${hex}`;
  return h0x.length <= chars + 6 ? h0x : `${h0x.slice(0, chars)}…${h0x.slice(-4)}`;
}

/** A `role=status` line that screen readers announce. */
export function statusLine(text = ""): HTMLParagraphElement {
  return h("p", { role: "status", "aria-live": "polite", class: "status-line" }, text);
}
