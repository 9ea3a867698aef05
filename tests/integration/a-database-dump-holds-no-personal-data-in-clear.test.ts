// A dump of the whole database after signing with a known name, city, email
// and letter text holds none of them in clear: they are encrypted at rest.
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";

const secrets = {
  name: "Zinaida Quorthwell",
  city: "Vyborgskaya Storona",
  email: "zinaida.quorthwell@example.org",
  sentence: "My unmistakable sentence 7f3a",
  subject: "Zinaida asks for freedom",
};

/** pg_dump when this is a real server; else every row of every table, as text (the embedded database has no pg_dump). */
async function dumpDatabase(): Promise<{ how: string; text: string }> {
  const url = process.env.DATABASE_URL!;
  if (process.env.TEST_EMBEDDED_DB !== "1") {
    return {
      how: "pg_dump",
      text: execFileSync("pg_dump", ["--data-only", "--inserts", url], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      }),
    };
  }
  const tables = await db().$queryRawUnsafe<{ name: string }[]>(
    `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
  );
  const rows = [];
  for (const { name } of tables)
    rows.push(
      ...(await db().$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM ${name} t`)).map((r) => r.row),
    );
  return { how: "a full read of every table", text: rows.join("\n") };
}

describe("personal data at rest", () => {
  beforeAll(async () => {
    delete process.env.SMTP_URL; // the local outbox keeps copies: they must be encrypted too
    process.env.DELIVERY_PER_DOMAIN_PER_MINUTE = "10000";
    await resetDatabase();
  });

  it("is not in clear text anywhere in a dump", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign, {
      identity: "full",
      name: secrets.name,
      city: secrets.city,
      email: secrets.email,
      replyToMe: true,
      subject: secrets.subject,
      body: `{{salutation}}\n\n${secrets.sentence}\n\n{{signer}}`,
    });
    for (const id of await messageIdsOf(signatureId)) await deliverMessage(id);
    for (const email of await db().outboxMessage.findMany({ where: { signatureId } }))
      await sendSupporterEmail(email.id);
    expect(await db().localMail.count()).toBeGreaterThan(4);

    const dump = await dumpDatabase();
    console.info(`checked ${dump.text.length} characters from ${dump.how}`);
    expect(dump.text).toContain("ministry@mid.ru"); // the dump does hold the data
    for (const value of Object.values(secrets)) {
      expect(dump.text).not.toContain(value);
      expect(dump.text.toLowerCase()).not.toContain(value.toLowerCase());
      expect(dump.text).not.toContain(Buffer.from(value).toString("hex"));
    }
  });
});
