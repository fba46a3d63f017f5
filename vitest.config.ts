import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two cores: end-to-end files each run a bot and a stand-in.
    maxWorkers: 2,
    // CI also writes JUnit XML, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["junit", { outputFile: "test-output/junit.xml" }]] : ["default"],
  },
});
