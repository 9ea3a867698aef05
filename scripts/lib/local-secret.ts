// For a try-out without configuration: a random APP_SECRET kept in
// .data/app-secret (readable by this user only), reused on later starts so
// encrypted data stays readable. Production sets APP_SECRET itself.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

export function localAppSecret(file = ".data/app-secret"): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(".data", { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
