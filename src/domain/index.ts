export * from "./codes.js";
export * from "./duplicates.js";
export * from "./text.js";
export * from "./tip.js";
export * from "./triage.js";
