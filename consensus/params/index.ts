export * from "./beaconConfig.js";
export * from "./beaconParams.js";
export * from "./constants.js";
export * from "./errors.js";
export * from "./parseBeaconParams.js";
export * from "./presets/btc20.js";
export * from "./specConfigPaths.js";
