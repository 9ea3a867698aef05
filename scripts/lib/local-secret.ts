// For a try-out without configuration: a random APP_SECRET kept in
// .data/app-secret (readable by this user only), reused on later starts so
// encrypted data stays readable. Production sets APP_SECRET itself.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function localAppSecret(file = ".data/app-secret"): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  return generatedOnce(file, () => randomBytes(48).toString("base64url"));
}

/**
 * The value kept in `file`, made by `make` if there is none yet. Exclusive
 * create ("wx"): when two first starts race, one writes and both read what
 * it wrote, so nothing is ever encrypted under a secret that is then lost.
 */
export function generatedOnce(file: string, make: () => string): string {
  try {
    writeFileSync(file, `${make()}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
  }
  // The winner may not have finished writing its line yet.
  for (let waited = 0; waited < 5_000; waited += 10) {
    const value = readFileSync(file, "utf8").trim();
    if (value) return value;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  throw new Error(`${file} is empty (a start was interrupted while writing it): delete it and start again.`);
}
