import type { Metadata } from "next";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

const answers = {
  confirmed: { title: "Address confirmed", body: (n: number) => `Thank you. Your ${n === 1 ? "letter is" : `${n} letters are`} now queued and will be sent from the campaign’s address.` },
  already_confirmed: { title: "Already confirmed", body: () => "You had already confirmed this address; your letters are on their way." },
  expired: { title: "This link has expired", body: () => "Confirmation links work for 72 hours. Nothing was sent. You can write your letters again from the campaign page." },
  invalid: { title: "This link is not valid", body: () => "It may be incomplete: copy the whole link from the email. Nothing was sent." },
} as const;

export default async function ConfirmPage({ params, searchParams }: PageProps<"/c/[slug]/confirm">) {
  const { slug } = await params;
  const token = (await searchParams).token;
  const { outcome, letters } = typeof token === "string" && token.length < 500 ? await confirmSupporterEmail(token) : { outcome: "invalid" as const, letters: 0 };
  const answer = answers[outcome];
  return (
    <div>
      <h1>{answer.title}</h1>
      <p role="status">{answer.body(letters)}</p>
      <p>
        <a href={`/c/${encodeURIComponent(slug)}`}>Back to the campaign</a>
      </p>
    </div>
  );
}
