export * from "./errors.js";
export * from "./interchange.js";
export * from "./slashingProtectionDb.js";
