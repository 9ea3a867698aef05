// Stands in for `server-only` under Vitest, which is not a React Server
// Components bundler. The real package still guards the Next.js build.
export {};
