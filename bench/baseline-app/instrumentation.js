// The baseline has nothing to start. Without this file Next.js (Turbopack,
// whose root is the repository) picked up the app's own instrumentation.ts:
// the baseline then ran the app's totals timer and, since the production
// check of issue 13, refused to start without CLIENT_IP_HEADER.
export async function register() {}
