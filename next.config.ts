import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Do not announce the framework to every visitor and scanner.
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // A letter is at most 8,000 characters; nothing a supporter sends needs more.
    serverActions: { bodySizeLimit: "64kb" },
  },
  // Loaded from node_modules at run time: PGlite (scripts only) and pdfkit
  // read their own data files relative to their install folder.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  async headers() {
    // Baseline headers for every response; the nonce-based
    // Content-Security-Policy arrives with the privacy work (issue 6).
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // same-origin, not no-referrer: no referrer ever reaches another
          // site either way, but under no-referrer browsers send `Origin: null`
          // with form posts, and Next.js then refuses server actions from
          // browsers without JavaScript as a CSRF attempt.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
