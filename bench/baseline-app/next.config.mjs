// The baseline for the HTTP benchmarks: an empty Next.js app, built in the
// same run as the real one (bench/lib/next-servers.ts). Same framework
// version and settings that matter (no X-Powered-By, compression on).
const baselineConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default baselineConfig;
