import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Do not announce the framework to every visitor and scanner.
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded database only runs in scripts, never in the bundled app.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  async headers() {
    // Baseline headers for every response; the nonce-based
    // Content-Security-Policy arrives with the privacy work (issue 6).
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
