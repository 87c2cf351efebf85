"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";

const LIMIT = 20_000;
const DEBOUNCE_MS = 800;

type Status = { kind: "idle" | "dirty" | "saving" | "saved" | "error"; text: string };

/**
 * A private Markdown note with autosave. Every keystroke goes to a local draft
 * at once, so a reload or a closed tab loses nothing; the server copy follows
 * after a short pause, and on leaving the page.
 */
export function NoteEditor({ sessionId, title, initialBody }: { sessionId: string; title: string; initialBody: string }) {
  const draftKey = `note-draft:${sessionId}`;
  const [body, setBody] = useState(initialBody);
  const [status, setStatus] = useState<Status>({ kind: "idle", text: initialBody ? "Saved" : "" });
  const [preview, setPreview] = useState(false);
  const saved = useRef(initialBody);
  const latest = useRef(initialBody);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const url = `/api/v1/me/notes/${sessionId}`;

  const save = useCallback(async () => {
    const text = latest.current;
    if (text === saved.current) return;
    if (text.length > LIMIT) {
      setStatus({ kind: "error", text: `Not saved: the note has ${text.length.toLocaleString("en-US")} characters; the limit is 20,000.` });
      return;
    }
    setStatus({ kind: "saving", text: "Saving…" });
    try {
      await apiFetch(url, { method: "PUT", json: { body: text } });
      saved.current = text;
      if (latest.current === text) {
        window.localStorage.removeItem(draftKey);
        setStatus({ kind: "saved", text: `Saved at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` });
      }
    } catch (error) {
      setStatus({ kind: "error", text: `Not saved: ${error instanceof ApiError ? error.message : "no connection"}. Your text is kept on this device.` });
    }
  }, [draftKey, url]);

  // A draft left by a reload or a lost connection wins over the server copy.
  useEffect(() => {
    const draft = window.localStorage.getItem(draftKey);
    if (draft !== null && draft !== initialBody) {
      latest.current = draft;
      setBody(draft);
      setStatus({ kind: "dirty", text: "Restored unsaved changes" });
      void save();
    }
  }, [draftKey, initialBody, save]);

  useEffect(() => {
    const flush = () => {
      if (latest.current === saved.current || latest.current.length > LIMIT) return;
      void fetch(url, {
        method: "PUT",
        keepalive: true,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ body: latest.current }),
      });
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [url]);

  function onChange(value: string) {
    latest.current = value;
    setBody(value);
    window.localStorage.setItem(draftKey, value);
    setStatus({ kind: "dirty", text: "Unsaved changes" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }

  const over = body.length > LIMIT;
  return (
    <section className="note-editor card" aria-labelledby="note-heading">
      <div className="note-head">
        <h2 id="note-heading">My private note</h2>
        <button type="button" className="secondary" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? "Edit" : "Preview"}
        </button>
      </div>
      {preview ? (
        body.trim() ? <Markdown source={body} /> : <p className="muted">Nothing written yet.</p>
      ) : (
        <textarea
          aria-label={`Note for ${title}`}
          aria-describedby="note-help note-status"
          value={body}
          rows={8}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => void save()}
          style={{ width: "100%" }}
        />
      )}
      <p id="note-help" className="muted">
        Only you can see this note. Markdown works: **bold**, *italic*, lists, [links](https://example.org).{" "}
        <span className={over ? "error-text" : undefined}>
          {body.length.toLocaleString("en-US")} / 20,000 characters
        </span>
      </p>
      <p id="note-status" role="status" aria-live="polite" className={status.kind === "error" ? "error-text" : "muted"}>
        {status.text}
      </p>
    </section>
  );
}
