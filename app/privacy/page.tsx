import type { Metadata } from "next";
import { env } from "@/lib/env";
import { privacyFacts } from "@/lib/privacy/privacy-facts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Privacy" };

/** Generated from the running settings (lib/privacy/privacy-facts.ts). */
export default function PrivacyPage() {
  const f = privacyFacts(env());
  return (
    <div className="prose">
      <h1>Privacy</h1>
      <p>
        Taking part in these campaigns can be dangerous for people in some countries. This site is built to keep as little about you as
        possible, to encrypt what it must keep, and to delete it soon.
      </p>

      <h2 id="kept">What we keep, and for how long</h2>
      <table data-testid="privacy-kept">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Why</th>
            <th scope="col">How it is kept</th>
            <th scope="col">Deleted</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Your country, the date, the language, which letters and how you sent them</td>
            <td>To count signatures and letters</td>
            <td>Plain, with no name or address attached</td>
            <td>Kept as counts</td>
          </tr>
          <tr>
            <td>Your email address, and your name and city if you chose to sign with them</td>
            <td>Only if you ask us to send your letters: to confirm the address and send the letters in your name</td>
            <td>Encrypted (AES-256-GCM)</td>
            <td>
              {f.retentionDays} days after your letters were delivered or the campaign closed, whichever comes first; at once if you use
              the “delete my data” link in any of our emails
            </td>
          </tr>
          <tr>
            <td>The text of letters we send for you</td>
            <td>To send them</td>
            <td>Encrypted (AES-256-GCM)</td>
            <td>The same: {f.retentionDays} days after delivery or closing, or at once on request</td>
          </tr>
          <tr>
            <td>A keyed fingerprint of your email address</td>
            <td>To notice a second signature with the same address, without keeping the address</td>
            <td>HMAC-SHA-256 with a secret key; it cannot be reversed</td>
            <td>With your email address</td>
          </tr>
          <tr>
            <td>Short-lived counters of requests</td>
            <td>To stop abuse</td>
            <td>Keyed fingerprints that change every day; never an IP address</td>
            <td>After {f.rateLimitWindowMinutes} minutes</td>
          </tr>
        </tbody>
      </table>
      <p>If you do not confirm your address within {f.confirmationLinkHours} hours, nothing is sent, and the data goes {f.retentionDays} days later.</p>

      <h2 id="never">What we never keep</h2>
      <ul>
        <li>Your IP address: not in the database, not in our logs.</li>
        <li>Anything about letters you download (PDF, .eml), print, copy or post on X yourself, beyond the count.</li>
        <li>A public list of signers: there is none, and no page shows who signed.</li>
      </ul>

      <h2 id="third-parties">Third parties</h2>
      <p>
        Pages load nothing from other sites: no analytics, no fonts, no scripts, no trackers. The only connection to the outside is email
        you ask us to send:{" "}
        {f.mail.kind === "relay" ? (
          <>
            it leaves through the mail server <code>{f.mail.host}</code>, signed with the campaign’s address.
          </>
        ) : (
          <>this installation sends no email at all; messages stay on the server (a test setup).</>
        )}{" "}
        Letters you send from your own mail program go through your own email provider, not through us.
      </p>

      <h2 id="who-sees">Who can see what</h2>
      <p>
        Campaign staff see totals only. Admins can export the email addresses of people who ticked “you may contact me”, and no one
        else’s; every export is recorded.
      </p>

      <h2 id="safety">If you are in Russia, or may travel there</h2>
      <ul>
        <li>Choose to sign without your name. Download the letter, or post on X, rather than asking us to send it by email.</li>
        <li>Use an email provider outside Russia, or none at all.</li>
        <li>This site works in Tor Browser with JavaScript off.</li>
      </ul>
    </div>
  );
}
