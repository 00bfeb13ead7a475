export * from "./hasher.js";
export * from "./phase0.js";
export * from "./values.js";
