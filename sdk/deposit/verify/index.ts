export * from "./decodeEntry.js";
export * from "./mergeVerifyResults.js";
export type * from "./types.js";
export * from "./verifyDepositData.js";
