import { Fragment } from "react";
import { parseMarkdown, type Block, type Inline } from "@/lib/text/parse-markdown";

/** Renders Markdown safely: React builds every element, so no HTML from the text is ever interpreted. */
function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        switch (node.type) {
          case "text":
            return (
              <Fragment key={index}>
                {node.text.split("\n").map((part, i) => (
                  <Fragment key={i}>
                    {i > 0 ? <br /> : null}
                    {part}
                  </Fragment>
                ))}
              </Fragment>
            );
          case "strong":
            return (
              <strong key={index}>
                <InlineNodes nodes={node.children} />
              </strong>
            );
          case "em":
            return (
              <em key={index}>
                <InlineNodes nodes={node.children} />
              </em>
            );
          case "code":
            return <code key={index}>{node.text}</code>;
          case "link":
            return (
              <a key={index} href={node.href} rel="noopener noreferrer nofollow" target="_blank">
                <InlineNodes nodes={node.children} />
              </a>
            );
        }
      })}
    </>
  );
}

function BlockNode({ block }: { block: Block }) {
  switch (block.type) {
    case "heading": {
      const Tag = (["h3", "h4", "h5", "h6"] as const)[block.level - 1] ?? "h6";
      return (
        <Tag>
          <InlineNodes nodes={block.children} />
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p>
          <InlineNodes nodes={block.children} />
        </p>
      );
    case "quote":
      return (
        <blockquote>
          <InlineNodes nodes={block.children} />
        </blockquote>
      );
    case "code":
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <InlineNodes nodes={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parseMarkdown(source).map((block, index) => (
        <BlockNode key={index} block={block} />
      ))}
    </div>
  );
}
