// APP_SECRET rotation as an operator does it (docs/DEPLOY.md): the new secret
// in APP_SECRET, the old one in APP_SECRET_PREVIOUS, a real worker process
// rewrites what the old one made; then the old secret is removed and
// everything still opens, deduplicates and counts. Also: a ciphertext moved
// to another row does not open there (associated data), and a rate limit
// spent before the switch stays spent after it.
import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/core/db";
import { keyFor, keyId } from "@/lib/privacy/keys";
import { recordSignature } from "@/lib/signatures/record-signature";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { submissionFor } from "../helpers/submissions";
import { startWorkerProcess, waitFor, type WorkerProcess } from "../helpers/worker-process";

const oldSecret = process.env.APP_SECRET!;
const newSecret = "rotated-secret-for-the-rotation-test-0123456789abcdefgh";
const slug = "russia-amnesty-undesirable";
const sink = new SmtpSink();
let worker: WorkerProcess | undefined;

/** The app's modules as a process started with these secrets would load them. */
async function deployedWith(secrets: { current: string; previous?: string }) {
  process.env.APP_SECRET = secrets.current;
  if (secrets.previous) process.env.APP_SECRET_PREVIOUS = secrets.previous;
  else delete process.env.APP_SECRET_PREVIOUS;
  vi.resetModules();
  return {
    encryption: await import("@/lib/privacy/encryption"),
    confirm: await import("@/lib/signatures/confirm-supporter-email"),
    confirmationEmail: await import("@/lib/signatures/confirmation-email"),
    record: await import("@/lib/signatures/record-signature"),
    rateLimits: await import("@/lib/signatures/rate-limits"),
    reencrypt: await import("@/lib/privacy/reencrypt-personal-data"),
    twoFactor: await import("@/lib/auth/two-factor"),
    auth: await import("@/lib/auth/auth"),
    client: await import("@/lib/core/db"),
  };
}

/** A ciphertext as releases before 2026-12 wrote it: version 1, no associated data. */
function versionOneCiphertext(plain: string): Uint8Array<ArrayBuffer> {
  const key = keyFor("encryption").current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([1]), keyId(key), iv, cipher.getAuthTag(), data]));
}

const contactAt = (row: string, column: "emailEncrypted" | "nameEncrypted" | "cityEncrypted") => ({
  table: "SupporterContact" as const,
  column,
  row,
});

describe("rotating APP_SECRET", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await sink.start();
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    worker?.child.kill("SIGKILL");
    await sink.stop();
    process.env.APP_SECRET = oldSecret;
    delete process.env.APP_SECRET_PREVIOUS;
  });

  it("does not open a ciphertext moved to another supporter's row, and sends nothing for it", async () => {
    const { decryptText } = await import("@/lib/privacy/encryption");
    const victim = await recordSignature(
      slug,
      submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email: "victim.moved@example.org" }),
    );
    const other = await recordSignature(
      slug,
      submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email: "other.row@example.org" }),
    );
    if (victim.outcome !== "recorded" || other.outcome !== "recorded")
      throw new Error("expected two recorded signatures");
    // An insider with write access copies the victim's address into another row.
    await db()
      .$executeRaw`UPDATE "SupporterContact" SET "emailEncrypted" = (SELECT "emailEncrypted" FROM "SupporterContact" WHERE "signatureId" = ${victim.signatureId}::uuid) WHERE "signatureId" = ${other.signatureId}::uuid`;
    const moved = await db().supporterContact.findUniqueOrThrow({ where: { signatureId: other.signatureId } });
    expect(() => decryptText(moved.emailEncrypted!, contactAt(other.signatureId, "emailEncrypted"))).toThrow(
      /unable to authenticate/i,
    );
    // Confirming the tampered row fails closed: its letters stay unsent.
    await expect(confirmSupporterEmail(confirmationToken(other.signatureId, new Date()))).rejects.toThrow(
      /unable to authenticate/i,
    );
    expect(
      await db().letter.count({ where: { signatureId: other.signatureId, status: "awaiting_confirmation" } }),
    ).toBeGreaterThan(0);
    // In its own row it opens as before.
    const own = await db().supporterContact.findUniqueOrThrow({ where: { signatureId: victim.signatureId } });
    expect(decryptText(own.emailEncrypted!, contactAt(victim.signatureId, "emailEncrypted"))).toBe(
      "victim.moved@example.org",
    );
    // (The tampered row would stay unreadable to the rotation below, which says so; it goes here.)
    await db().supporterContact.delete({ where: { signatureId: other.signatureId } });
  });

  it(
    "rewrites every ciphertext, email hash and two-step secret, after which the old secret can go",
    { timeout: 240_000 },
    async () => {
      const email = "Rotating.Supporter@example.org";
      // Before: one confirmed signature (its hash), one awaiting confirmation
      // (its letters' text), a city as the previous release encrypted it, an
      // email hash without key id, and a staff member's two-step secret stored
      // as better-auth did before versioned secrets.
      const confirmed = await recordSignature(
        slug,
        // "You may email me": without it (and without platform letters) the address is not kept at all.
        submissionFor(campaign, {
          channel: "own_email_client",
          email,
          consentContact: true,
          identity: "full",
          name: "Rota Tion",
          city: "Keyville",
        }),
      );
      const waiting = await recordSignature(
        slug,
        submissionFor(campaign, {
          channel: "platform_email",
          consentIdentity: true,
          email: "waiting.rotation@example.org",
          body: "{{salutation}}\n\nRotation sentence 4471.\n\n{{signer}}",
        }),
      );
      if (confirmed.outcome !== "recorded" || waiting.outcome !== "recorded")
        throw new Error("expected recorded signatures");
      expect((await confirmSupporterEmail(confirmationToken(confirmed.signatureId, new Date()))).outcome).toBe(
        "confirmed",
      );
      await db().supporterContact.update({
        where: { signatureId: confirmed.signatureId },
        data: { cityEncrypted: versionOneCiphertext("Keyville") },
      });
      const legacyHash = createHmac("sha256", keyFor("email-hash").current).update(email.toLowerCase()).digest();
      await db().signature.update({ where: { id: confirmed.signatureId }, data: { emailHash: legacyHash } });
      const admin = await staffMember("admin");
      const staffKeyBefore = keyFor("staff-auth").current.toString("hex");
      await db().staffTwoFactor.create({
        data: {
          id: `tf-${admin.id}`,
          userId: admin.id,
          secret: await symmetricEncrypt({ key: staffKeyBefore, data: "JBSWY3DPEHPK3PXP" }),
          backupCodes: await symmetricEncrypt({ key: staffKeyBefore, data: JSON.stringify(["code-one", "code-two"]) }),
        },
      });

      // The operator deploys the new secret; the worker rewrites at start.
      worker = startWorkerProcess("rotating worker", {
        smtpUrl: sink.url,
        appSecret: newSecret,
        appSecretPrevious: oldSecret,
      });
      await waitFor("the worker to report the rewrite", () =>
        /Key rotation: re-encrypted \d+ values and remade 1 email hashes/.test(worker!.output()),
      ).catch((error) => {
        throw new Error(`${error.message}; the worker said:\n${worker!.output()}`);
      });
      worker.child.kill("SIGTERM");
      await new Promise((resolve) => worker!.child.once("exit", resolve));
      expect(worker.output()).not.toMatch(/open with neither/);

      // Then removes APP_SECRET_PREVIOUS.
      const app = await deployedWith({ current: newSecret });
      try {
        const prefix = app.encryption.currentCiphertextPrefix();
        for (const [table, { columns }] of Object.entries(app.encryption.encryptedColumns)) {
          for (const column of columns) {
            const stale = await db().$queryRawUnsafe<{ n: bigint }[]>(
              `SELECT count(*) AS n FROM "${table}" WHERE "${column}" IS NOT NULL AND substring("${column}" from 1 for 5) <> $1`,
              prefix,
            );
            expect(Number(stale[0]!.n), `${table}.${column} still holds old ciphertexts`).toBe(0);
          }
        }
        const contact = await db().supporterContact.findUniqueOrThrow({
          where: { signatureId: confirmed.signatureId },
        });
        expect(
          app.encryption.decryptText(contact.emailEncrypted!, contactAt(confirmed.signatureId, "emailEncrypted")),
        ).toBe(email);
        expect(
          app.encryption.decryptText(contact.cityEncrypted!, contactAt(confirmed.signatureId, "cityEncrypted")),
        ).toBe("Keyville");

        // The letter awaiting confirmation still shows its exact text.
        const token = app.confirmationEmail.confirmationToken(waiting.signatureId, new Date());
        expect((await app.confirm.lettersAwaitingConfirmation(token, "en"))?.text).toContain("Rotation sentence 4471.");

        // The same address signing again is still recognised, with the new key only.
        const again = await app.record.recordSignature(
          slug,
          submissionFor(campaign, { channel: "own_email_client", email: email.toUpperCase(), consentContact: true }),
        );
        if (again.outcome !== "recorded") throw new Error("expected a recorded signature");
        expect(
          (
            await app.confirm.confirmSupporterEmail(
              app.confirmationEmail.confirmationToken(again.signatureId, new Date()),
            )
          ).outcome,
        ).toBe("already_signed");

        // The two-step secret opens with the new secret alone, in better-auth's versioned envelope.
        const secrets = app.auth.staffAuthSecrets();
        expect(secrets).toHaveLength(1);
        const row = await db().staffTwoFactor.findUniqueOrThrow({ where: { id: `tf-${admin.id}` } });
        const key = { keys: new Map(secrets.map((s) => [s.version, s.value])), currentVersion: secrets[0]!.version };
        expect(row.secret.startsWith(`$ba$${secrets[0]!.version}$`)).toBe(true);
        expect(await symmetricDecrypt({ key, data: row.secret })).toBe("JBSWY3DPEHPK3PXP");
        expect(JSON.parse(await symmetricDecrypt({ key, data: row.backupCodes }))).toEqual(["code-one", "code-two"]);

        // Nothing is left to do: a second run changes nothing.
        expect(await app.reencrypt.reencryptPersonalData()).toEqual({
          rewritten: 0,
          unreadable: 0,
          hashesRewritten: 0,
          hashesDropped: 0,
        });
        expect(await app.twoFactor.rewriteStaffSecrets()).toEqual({ rewritten: 0, unreadable: 0 });
      } finally {
        await app.client.disconnectDb();
      }
    },
  );

  it("keeps a client's spent allowance spent across the switch", async () => {
    const client = "198.51.100.77";
    const before = await deployedWith({ current: oldSecret });
    try {
      for (let i = 0; i < 10; i++)
        expect((await before.rateLimits.checkSigningRateLimits({ client, provedWork: false })).limited).toBe(false);
      expect((await before.rateLimits.checkSigningRateLimits({ client, provedWork: false })).limited).toBe(true);
    } finally {
      await before.client.disconnectDb();
    }
    const during = await deployedWith({ current: newSecret, previous: oldSecret });
    try {
      expect((await during.rateLimits.checkSigningRateLimits({ client, provedWork: false })).limited).toBe(true);
    } finally {
      await during.client.disconnectDb();
    }
  });
});
