import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Do not announce the framework to every visitor and scanner.
  poweredByHeader: false,
  // A second build beside the usual one (benchmarks, the reliability suite)
  // goes to its own folder, so it never breaks a running `next start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  experimental: {
    // A letter is at most 8,000 characters; nothing a supporter sends needs more.
    // maxRequestBodyBytes (lib/core/vocabulary.ts), written out because the
    // config is loaded without the app's import aliases; a unit test keeps
    // the two equal (tests/unit/the-body-size-limit-is-written-once.test.ts).
    serverActions: { bodySizeLimit: "64kb" },
  },
  // Loaded from node_modules at run time: PGlite (scripts only) and pdfkit
  // read their own data files relative to their install folder.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  // Security headers and the per-request CSP nonce: proxy.ts.
};

export default nextConfig;
