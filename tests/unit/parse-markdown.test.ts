import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, type Block, type Inline } from "@/lib/text/parse-markdown";

function hrefs(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === "link") {
        out.push(node.href);
        walk(node.children);
      } else if (node.type === "strong" || node.type === "em") walk(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === "list") block.items.forEach(walk);
    else if (block.type !== "code") walk(block.children);
  }
  return out;
}

describe("note Markdown", () => {
  it("reads headings, paragraphs, lists, quotes, code and inline marks", () => {
    const blocks = parseMarkdown("# Title\n\nSome **bold** and *em* and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n```\nraw <b>\n```");
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "list", "list", "quote", "code"]);
    expect(blocks[1]).toEqual({
      type: "paragraph",
      children: [
        { type: "text", text: "Some " },
        { type: "strong", children: [{ type: "text", text: "bold" }] },
        { type: "text", text: " and " },
        { type: "em", children: [{ type: "text", text: "em" }] },
        { type: "text", text: " and " },
        { type: "code", text: "code" },
        { type: "text", text: "." },
      ],
    });
    expect(blocks[3]).toMatchObject({ type: "list", ordered: true });
    expect(blocks[5]).toEqual({ type: "code", text: "raw <b>" });
  });

  it("keeps raw HTML as text and only makes http(s) and mailto links", () => {
    expect(parseInline("<script>alert(1)</script>")).toEqual([{ type: "text", text: "<script>alert(1)</script>" }]);
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ type: "text", text: "[x](javascript:alert(1)" }, { type: "text", text: ")" }]);
    expect(parseInline("[site](https://example.org)")).toEqual([
      { type: "link", href: "https://example.org", children: [{ type: "text", text: "site" }] },
    ]);
  });

  it("never produces a link to anything but http(s) or mailto, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const href of hrefs(parseMarkdown(text))) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
      }),
      { numRuns: 500 },
    );
  });
});
