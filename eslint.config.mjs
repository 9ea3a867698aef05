import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";

/**
 * Files in lib/ that import the database client without being a data.ts, each
 * with why (docs/ARCHITECTURE.md lists them too).
 */
const databaseClientExceptions = [
  "lib/**/data.ts",
  // Owns the client.
  "lib/core/db.ts",
  // rate-limiter-flexible keeps its counters in PostgreSQL through our pool.
  "lib/core/rate-limiter.ts",
  // better-auth reads and writes its tables through its Prisma adapter.
  "lib/auth/auth.ts",
  // graphile-worker runs its own queries on our pool.
  "lib/worker/worker.ts",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "**/.next/**",
    "generated/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Layering (docs/ARCHITECTURE.md): pages, components and route handlers
    // reach the database only through feature modules in lib/.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/core/db", "@/generated/prisma/*", "@prisma/*"],
              message: "Call a feature module in lib/<feature>/ instead of the database.",
            },
          ],
        },
      ],
    },
  },
  {
    // Inside lib/, queries live in each feature's data.ts: the use cases beside
    // them read as what the product does, and a change to a table has one
    // place per feature to look. Types (a transaction client as a parameter)
    // may be imported anywhere.
    files: ["lib/**"],
    ignores: databaseClientExceptions,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/core/db", "**/core/db", "./db", "@/generated/prisma/client", "@prisma/*"],
              allowTypeImports: true,
              message: "Only lib/<feature>/data.ts talks to the database: add a function there and call it.",
            },
          ],
        },
      ],
    },
  },
  {
    // One file-name case for the whole tree (kebab-case, as Next.js names its
    // own files), so nobody has to guess how a component's file is spelled.
    files: ["**/*.{ts,tsx,mjs,cjs}"],
    plugins: { "check-file": checkFile },
    rules: {
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx,mjs,cjs}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
    },
  },
  {
    // The supporter pages are plain links and forms; <a> keeps them working
    // without JavaScript and avoids prefetching other campaigns.
    files: ["app/**", "components/**"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
]);
