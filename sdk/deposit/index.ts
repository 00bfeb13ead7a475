export * from "./createDepositData.js";
export * from "./depositAmount.js";
export * from "./depositSigningRoot.js";
export * from "./errors.js";
export * from "./generateDepositData.js";
export * from "./launchpadJson.js";
export * from "./verify/index.js";
export * from "./withdrawalCredentials.js";
