export * from "./decodeEntry.js";
export type * from "./types.js";
export * from "./verifyDepositData.js";
