import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
    // The supporter pages are plain links and forms; <a> keeps them working
    // without JavaScript and avoids prefetching other campaigns.
    files: ["app/**", "components/**"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
]);
