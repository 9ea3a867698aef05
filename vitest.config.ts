import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { postgresAnswers, testServerUrl } from "./tests/helpers/test-database.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const resolve = {
  alias: {
    "@/": root,
    "server-only": fileURLToPath(new URL("tests/helpers/empty-module.ts", import.meta.url)),
  },
};

export default defineConfig(async () => {
  // The embedded database (no PostgreSQL server answers) holds a single
  // database, so integration tests then run one file at a time.
  if (process.env.TEST_EMBEDDED_DB !== "1" && !(await postgresAnswers(testServerUrl()))) {
    process.env.TEST_EMBEDDED_DB = "1";
  }
  const embedded = process.env.TEST_EMBEDDED_DB === "1";
  return {
    test: {
      projects: [
        {
          resolve,
          // Timeouts here only stop a hung test; a busy machine may take many times longer.
          test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
        },
        {
          resolve,
          test: {
            name: "integration",
            include: ["tests/integration/**/*.test.ts"],
            environment: "node",
            globalSetup: ["tests/setup/integration-global.ts"],
            setupFiles: ["tests/setup/integration-worker.ts"],
            testTimeout: 120_000,
            hookTimeout: 120_000,
            maxWorkers: embedded ? 1 : 4,
            fileParallelism: !embedded,
          },
        },
        {
          // npm run test:reliability: faults (database restarts, mail server
          // down), load and hostile input; slower, one file at a time.
          resolve,
          test: {
            name: "reliability",
            include: ["tests/reliability/**/*.test.ts"],
            environment: "node",
            globalSetup: ["tests/setup/integration-global.ts"],
            setupFiles: ["tests/setup/integration-worker.ts"],
            testTimeout: 900_000,
            hookTimeout: 600_000,
            maxWorkers: 1,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
