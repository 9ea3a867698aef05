import type { Metadata } from "next";
import { readConfirmationToken } from "@/lib/signatures/confirm-supporter-email";
import { confirmAddress } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

const answers: Record<"confirmed" | "already_confirmed" | "expired" | "invalid", { title: string; body: (letters: number) => string }> = {
  confirmed: { title: "Address confirmed", body: (n: number) => `Thank you. Your ${n === 1 ? "letter is" : `${n} letters are`} now queued and will be sent from the campaign’s address.` },
  already_confirmed: { title: "Already confirmed", body: () => "You had already confirmed this address; your letters are on their way." },
  expired: { title: "This link has expired", body: () => "Confirmation links work for 72 hours. Nothing was sent. You can write your letters again from the campaign page." },
  invalid: { title: "This link is not valid", body: () => "It may be incomplete: copy the whole link from the email. Nothing was sent." },
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function ConfirmPage({ params, searchParams }: PageProps<"/c/[slug]/confirm">) {
  const { slug } = await params;
  const query = await searchParams;
  const back = (
    <p>
      <a href={`/c/${encodeURIComponent(slug)}`}>Back to the campaign</a>
    </p>
  );
  const result = one(query.result);
  if (result && result in answers) {
    const answer = answers[result as keyof typeof answers];
    return (
      <div>
        <h1>{answer.title}</h1>
        <p role="status">{answer.body(Number(one(query.letters) ?? 0))}</p>
        {back}
      </div>
    );
  }
  // Opening the link only shows the button: confirming is a deliberate act.
  const token = one(query.token);
  const check = token && token.length <= 500 ? readConfirmationToken(token) : "invalid";
  if (check !== "valid") {
    const answer = answers[check];
    return (
      <div>
        <h1>{answer.title}</h1>
        <p role="status">{answer.body(0)}</p>
        {back}
      </div>
    );
  }
  return (
    <div>
      <h1>Confirm your email address</h1>
      <p>Your letters leave from the campaign’s address once you confirm. Nothing is sent before.</p>
      <form action={confirmAddress}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm and send my letters</button>
      </form>
      {back}
    </div>
  );
}
