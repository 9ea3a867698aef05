// The authorisation coverage test. It lists every staff and admin page and
// route handler from the app folder, and every server action from the
// production build's manifest (checking the source has no action the build
// lacks), then calls each one anonymously and as a read-only staff member.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2ePort } from "../../../playwright.config";
import { signInAs } from "../../helpers/e2e-staff";

type Endpoint = { path: string; kind: "page" | "route"; needs: "staff" | "admin" };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const sampleId = "00000000-0000-4000-8000-000000000000";
const urlOf = (file: string) =>
  "/" +
  path
    .dirname(file)
    .replace(/^app\/?/, "")
    .replace(/\([^/]+\)\/?/g, "") // route groups are not in the URL
    .replace(/\[id\]/g, sampleId);

// Pages and route handlers under /staff and /admin. The sign-in and
// "not allowed" pages are the only ones open to everyone.
const openToAll = new Set(["/staff/sign-in", "/staff/forbidden"]);
const endpoints: Endpoint[] = ["app/(staff)/staff", "app/(staff)/admin"]
  .flatMap(files)
  .filter((f) => /\/(page\.tsx|route\.ts)$/.test(f))
  .map((f): Endpoint => ({
    path: urlOf(f),
    kind: f.endsWith("route.ts") ? "route" : "page",
    needs: f.startsWith("app/(staff)/admin") || f.includes("/supporters/") ? "admin" : "staff",
  }))
  .filter((e) => !openToAll.has(e.path));

// Server actions: public ones are named here with why they are public.
const publicActions: Record<string, string> = {
  "app/(staff)/staff/sign-in/actions.ts#signIn": "how staff get a session",
  "app/(staff)/staff/sign-in/actions.ts#verifyCode": "second sign-in step, needs the first step's cookie",
  "app/(staff)/staff/actions.ts#signOut": "ends the caller's own session",
  "app/(site)/privacy/delete/actions.ts#deleteMyData": "authorised by the signed link in the supporter's email",
  "app/(site)/c/[slug]/confirm/actions.ts#confirmAddress": "authorised by the signed link in the supporter's email",
  "app/(site)/c/[slug]/write/actions.ts#letterFormAction": "the public letter form",
};
const adminActionFiles = /^app\/\(staff\)\/admin\//;

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
// The build's folder: .next, or NEXT_DIST_DIR when a build was made elsewhere.
const distDir = process.env.NEXT_DIST_DIR || ".next";
const manifest = JSON.parse(readFileSync(`${distDir}/server/server-reference-manifest.json`, "utf8")) as {
  node: Record<string, ManifestEntry>;
};
const actions = Object.entries(manifest.node).map(([id, entry]) => ({
  id,
  name: `${entry.filename}#${entry.exportedName}`,
  page:
    "/" +
    Object.keys(entry.workers)[0]!
      .replace(/^app\//, "")
      .replace(/\([^/]+\)\/?/g, "")
      .replace(/\/?page$/, "")
      .replace(/\[id\]/g, "new")
      .replace(/\[slug\]/g, "russia-amnesty-undesirable"),
}));
const protectedActions = actions.filter((a) => !(a.name in publicActions));

/** Calls a server action the way the browser does, with no arguments. */
async function callAction(request: APIRequestContext, action: { id: string; page: string }) {
  const response = await request.post(action.page, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: `http://127.0.0.1:${e2ePort}`,
    },
    data: "[]",
    maxRedirects: 0,
  });
  return { status: response.status(), redirect: response.headers()["x-action-redirect"] ?? "" };
}

test("the lists are complete: every action in the source is in the build, and each public one is named", () => {
  const sourceActions = files("app")
    .filter((f) => f.endsWith(".ts") && readFileSync(f, "utf8").startsWith('"use server"'))
    .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export async function (\w+)/g)].map((m) => `${f}#${m[1]}`));
  expect(actions.map((a) => a.name).sort()).toEqual(sourceActions.sort());
  for (const name of Object.keys(publicActions)) expect(sourceActions).toContain(name);
  expect(endpoints.length).toBeGreaterThanOrEqual(10);
  expect(protectedActions.length).toBeGreaterThanOrEqual(6);
});

test("anonymous callers are refused by every staff page, route handler and action", async ({ request }) => {
  for (const endpoint of endpoints) {
    const response = await request.get(endpoint.path, { maxRedirects: 0 });
    if (endpoint.kind === "route") expect(response.status(), endpoint.path).toBe(401);
    else expect(response.headers()["location"] ?? (await response.text()), endpoint.path).toContain("/staff/sign-in");
  }
  for (const action of protectedActions) {
    const answer = await callAction(request, action);
    expect(answer.redirect, action.name).toContain("/staff/sign-in");
  }
});

test("a staff member is refused by every admin page, route handler and action", async ({ page }) => {
  await signInAs(page, "staff");
  const request = page.request;
  for (const endpoint of endpoints.filter((e) => e.needs === "admin")) {
    const response = await request.get(endpoint.path, { maxRedirects: 0 });
    if (endpoint.kind === "route") expect(response.status(), endpoint.path).toBe(403);
    else expect(response.headers()["location"] ?? (await response.text()), endpoint.path).toContain("/staff/forbidden");
  }
  for (const action of protectedActions.filter((a) => adminActionFiles.test(a.name))) {
    const answer = await callAction(request, action);
    expect(answer.redirect, action.name).toContain("/staff/forbidden");
  }
  // And the staff pages do open for them.
  for (const endpoint of endpoints.filter((e) => e.needs === "staff" && e.kind === "page")) {
    expect((await request.get(endpoint.path, { maxRedirects: 0 })).status(), endpoint.path).toBe(200);
  }
});
