// Two `npm start` (or a start and `admin:create`) running for the first time
// at once must end up with the same generated APP_SECRET and database
// password: data encrypted under a secret that is then overwritten is lost.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const folder = mkdtempSync(path.join(tmpdir(), "lc-secret-race-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function firstStart(file: string): Promise<string> {
  const script = `import { localAppSecret } from "./scripts/lib/local-secret.ts"; process.stdout.write(localAppSecret(${JSON.stringify(file)}));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
  });
}

describe("a generated secret", () => {
  it("is written once when four first starts race, and all four use it", async () => {
    for (let round = 0; round < 5; round++) {
      const file = path.join(folder, `round-${round}`, "app-secret");
      const secrets = await Promise.all([firstStart(file), firstStart(file), firstStart(file), firstStart(file)]);
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{64}$/);
      expect(readFileSync(file, "utf8").trim()).toBe(secrets[0]);
    }
  });
});
