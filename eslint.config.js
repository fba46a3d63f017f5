import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "src/generated/", "data/", "coverage/", "test-output/", "prisma/schema-engine-shim.mjs"] },
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
    // The core knows nothing of Telegram: grammY stays in src/bot and src/dev.
    files: ["src/domain/**/*.ts", "src/services/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["grammy", "grammy/*", "@grammyjs/*"], message: "domain/ and services/ must not import grammY" }] },
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
  { files: ["eslint.config.js"], ...tseslint.configs.disableTypeChecked },
);
