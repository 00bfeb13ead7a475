export * from "./computeDomain.js";
export * from "./computeForkDataRoot.js";
export * from "./computeSigningRoot.js";
export * from "./depositTypes.js";
export * from "./exitTypes.js";
export * from "./primitives.js";
export * from "./signingTypes.js";
