// Answers of staff route handlers.

export function refusal(status: 401 | 403): Response {
  return new Response(status === 401 ? "Sign in at /staff/sign-in first.\n" : "Your account may not do this.\n", {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function csvResponse(csv: string, filename: string): Response {
  // A byte-order mark so spreadsheet programs read UTF-8 (Cyrillic names).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
