// The campaign's vocabulary (channels, identity levels, statuses) is read from
// the Prisma enums in lib/core/vocabulary.ts. A list spelled out anywhere else
// is how a new channel gets forgotten in one form or chart: this test finds
// such lists in the source, and label maps in the catalogues that miss a value.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as vocabulary from "@/lib/core/vocabulary";

const lists: Record<string, readonly string[]> = {
  letterChannels: vocabulary.letterChannels,
  identityLevels: vocabulary.identityLevels,
  campaignStatuses: vocabulary.campaignStatuses,
  addresseeKinds: vocabulary.addresseeKinds,
  letterStatuses: vocabulary.letterStatuses,
  deliveryStatuses: vocabulary.deliveryStatuses,
  outboxKinds: vocabulary.outboxKinds,
};

/** A list that names this many of an enum's values is a copy of it (or a copy that missed one). */
const copyThreshold = (values: readonly string[]) => Math.max(3, values.length - 1);

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

const sourceFiles = ["lib", "app", "components", "emails"]
  .flatMap((dir) => filesUnder(dir, /\.tsx?$/))
  .filter((file) => file !== path.join("lib", "core", "vocabulary.ts"));

/**
 * Every list written in one piece: an array of strings, a union of string
 * types, the keys of an object literal. (A switch over the values is
 * behaviour per value, kept complete by the compiler's return checks.)
 */
/** An object typed Record<LetterChannel, …> (or `satisfies` it): the compiler keeps it complete. */
function checkedComplete(node: ts.ObjectLiteralExpression): boolean {
  const parent = node.parent;
  const type =
    ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)
      ? parent.type
      : ts.isSatisfiesExpression(parent) || ts.isAsExpression(parent)
        ? parent.type
        : undefined;
  return type !== undefined && /^(Readonly<)?Record<\s*[A-Z]\w*\s*,/.test(type.getText());
}

function writtenLists(file: string): { line: number; items: string[] }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: { line: number; items: string[] }[] = [];
  const text = (node: ts.Node): string | null =>
    ts.isStringLiteralLike(node)
      ? node.text
      : ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)
        ? node.literal.text
        : ts.isIdentifier(node) || ts.isPrivateIdentifier(node)
          ? node.text
          : null;
  const add = (node: ts.Node, parts: readonly ts.Node[]) => {
    const items = parts.map(text).filter((item): item is string => item !== null);
    if (items.length) out.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, items });
  };
  const visit = (node: ts.Node) => {
    if (ts.isArrayLiteralExpression(node)) add(node, node.elements);
    else if (ts.isUnionTypeNode(node)) add(node, node.types);
    else if (ts.isObjectLiteralExpression(node) && !checkedComplete(node))
      add(
        node,
        node.properties.flatMap((p) => (p.name ? [p.name] : [])),
      );
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe("the vocabulary has one home", () => {
  it("reads every list from the database's enums", () => {
    expect(vocabulary.letterChannels).toContain("platform_email");
    expect(vocabulary.sendingChannels).not.toContain("x_post");
    expect(vocabulary.sendingChannels.length).toBe(vocabulary.letterChannels.length - 1);
    expect(vocabulary.identityLevels[0]).toBe("anonymous");
  });

  it("no source file spells out a list of channels, identity levels or statuses", () => {
    const copies: string[] = [];
    for (const file of sourceFiles) {
      for (const list of writtenLists(file)) {
        for (const [name, values] of Object.entries(lists)) {
          const found = values.filter((value) => list.items.includes(value));
          if (found.length >= copyThreshold(values)) {
            copies.push(
              `${file}:${list.line} spells out ${name} (${found.join(", ")}): import it from lib/core/vocabulary.ts`,
            );
          }
        }
      }
    }
    expect(copies).toEqual([]);
  });

  it("every label map in the catalogues names every value", () => {
    const gaps: string[] = [];
    const visit = (file: string, at: string, node: unknown) => {
      if (!node || typeof node !== "object") return;
      const keys = Object.keys(node);
      for (const [name, values] of Object.entries(lists)) {
        const named = values.filter((v) => keys.includes(v));
        if (named.length >= copyThreshold(values) && named.length < values.length) {
          gaps.push(`${file} ${at}: labels ${name} but lacks ${values.filter((v) => !keys.includes(v)).join(", ")}`);
        }
      }
      for (const [key, child] of Object.entries(node)) visit(file, at ? `${at}.${key}` : key, child);
    };
    for (const file of filesUnder("messages", /\.json$/)) visit(file, "", JSON.parse(readFileSync(file, "utf8")));
    expect(gaps).toEqual([]);
  });
});
