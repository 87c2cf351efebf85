"use client";

import { useState } from "react";

/** Copies a link to the clipboard and says so; when the browser refuses, asks the user to copy it by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch (error) {
      // Clipboard access needs a secure context and permission; the link is on screen to copy by hand.
      console.warn("clipboard write refused", error);
      setStatus("failed");
    }
  }

  return (
    <>
      <button type="button" className="secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" className="muted">
        {status === "copied" ? "Copied." : status === "failed" ? "Could not copy: select the link and copy it." : ""}
      </span>
    </>
  );
}
