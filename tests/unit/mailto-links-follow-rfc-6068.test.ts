import { describe, expect, it } from "vitest";
import { mailtoLink } from "@/lib/letters/mailto";

describe("mailto links", () => {
  it("percent-encode UTF-8 subject and body with CRLF line breaks", () => {
    const link = mailtoLink({
      to: ["ministry@mid.ru"],
      subject: "Свобода & права?",
      body: "Line one\nLine two: 100% (yes)",
    });
    expect(link).toBe(
      "mailto:ministry@mid.ru?subject=%D0%A1%D0%B2%D0%BE%D0%B1%D0%BE%D0%B4%D0%B0%20%26%20%D0%BF%D1%80%D0%B0%D0%B2%D0%B0%3F" +
        "&body=Line%20one%0D%0ALine%20two%3A%20100%25%20%28yes%29",
    );
  });

  it("list several recipients once each, separated by commas", () => {
    const link = mailtoLink({ to: ["a@example.org", "b@example.org", "a@example.org"], subject: "s", body: "b" });
    expect(link.startsWith("mailto:a@example.org,b@example.org?")).toBe(true);
  });

  it("cannot be given extra headers through the subject or body", () => {
    const link = mailtoLink({
      to: ["a@example.org"],
      subject: "x&bcc=evil@example.org",
      body: "?cc=evil@example.org\r\nBcc: evil@example.org",
    });
    const url = new URL(link);
    expect([...url.searchParams.keys()]).toEqual(["subject", "body"]);
    expect(url.searchParams.get("subject")).toBe("x&bcc=evil@example.org");
  });
});
