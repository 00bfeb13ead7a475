import { hex } from "@scure/base";

/** Lower-case hex without 0x, as keystore JSON stores bytes. */
export const toHex = (bytes: Uint8Array): string => hex.encode(bytes);
export const fromHex = (text: string): Uint8Array => hex.decode(text.toLowerCase());
export const isHex = (text: unknown, bytes?: number): text is string =>
  typeof text === "string" && /^([0-9a-fA-F]{2})*$/.test(text) && (bytes === undefined || text.length === 2 * bytes);
