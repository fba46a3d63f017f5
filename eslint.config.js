import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The development stand-ins and simulator (src/dev) are handed in by main.ts, the demo and tests,
// never imported by the app: a production start never loads them.
const noDevImports = { group: ["**/dev/**", "./dev/*", "../dev/*"], message: "only src/dev and tests may import src/dev; hand a stand-in in (see src/main.ts)" };

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "src/generated/", "data/", "coverage/", "test-output/", "reports/", ".stryker-tmp/", "prisma/schema-engine-shim.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // grammY's and Prisma's APIs are promise-heavy; handlers returning promises are fine.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/dev/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noDevImports] }],
      // main.ts alone loads src/dev, lazily, when there is no BOT_TOKEN.
      "no-restricted-syntax": ["error", { selector: "ImportExpression[source.value=/(^|\\/)dev\\//]", message: "only src/main.ts may load src/dev (without a token)" }],
    },
  },
  {
    files: ["src/main.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // The core knows nothing of Telegram: grammY stays in src/bot and src/dev.
    files: ["src/domain/**/*.ts", "src/services/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [noDevImports, { group: ["grammy", "grammy/*", "@grammyjs/*"], message: "domain/ and services/ must not import grammY" }] },
      ],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noDevImports,
            { group: ["grammy", "grammy/*", "@grammyjs/*"], message: "domain/ must not import grammY" },
            { group: ["@prisma/*", "**/generated/**", "**/services/**", "**/db.js"], message: "domain/ holds pure rules only" },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "*.config.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
    },
  },
  { files: ["eslint.config.js", "stryker.config.js"], ...tseslint.configs.disableTypeChecked },
);
