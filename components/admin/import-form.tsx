"use client";

import { useRef, useState, type FormEvent } from "react";
import { ApiError, messageOf } from "@/lib/client/api-fetch";

type Result = {
  applied: boolean;
  conference: { slug: string; title: string; timeZone: string; isNew: boolean };
  counts: { total: number; created: number; updated: number; unchanged: number; cancelled: number };
  summary: string;
  changes: string[];
};

async function send(form: HTMLFormElement, dryRun: boolean): Promise<Result> {
  const data = new FormData(form);
  data.set("dryRun", String(dryRun));
  const response = await fetch("/api/v1/admin/imports", { method: "POST", body: data, credentials: "same-origin" });
  const body = (await response.json().catch(() => null)) as (Result & { error?: { code: string; message: string } }) | null;
  if (!response.ok || !body) {
    throw new ApiError(response.status, body?.error?.code ?? "IMPORT_FAILED", body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return body;
}

/** Upload, preview what will change, then apply: the same import as the CLI. */
export function ImportForm({ formats }: { formats: readonly string[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [applied, setApplied] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "apply" | null>(null);

  async function run(dryRun: boolean) {
    if (!formRef.current) return;
    setBusy(dryRun ? "preview" : "apply");
    setError(null);
    try {
      const result = await send(formRef.current, dryRun);
      if (dryRun) {
        setPreview(result);
        setApplied(null);
      } else {
        setApplied(result);
        setPreview(null);
      }
    } catch (caught) {
      setError(messageOf(caught, "The upload failed. Check your connection and try again."));
    } finally {
      setBusy(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(true);
  }

  return (
    <div className="form">
      <form ref={formRef} className="form" onSubmit={onSubmit} aria-label="Import a program" onChange={() => setPreview(null)}>
        <div className="field">
          <label htmlFor="import-file">Program file</label>
          <input id="import-file" name="file" type="file" required accept=".xml,.json,.ics,.txt,text/*,application/json" />
        </div>
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" name="format" defaultValue="auto">
            <option value="auto">Detect automatically</option>
            {formats.map((format) => (
              <option key={format} value={format}>
                {format}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-conference">Conference slug (empty: from the title)</label>
          <input id="import-conference" name="conference" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
        </div>
        <div className="field">
          <label htmlFor="import-timezone">Time zone (IANA, e.g. Europe/Berlin)</label>
          <input id="import-timezone" name="timezone" placeholder="from the file" />
        </div>
        <div className="field">
          <label htmlFor="import-date">Day to lay out a program without times</label>
          <input id="import-date" name="date" type="date" />
        </div>
        <div>
          <button type="submit" disabled={busy !== null}>
            {busy === "preview" ? "Reading the file…" : "Preview the import"}
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="notice error-text">
          {error}
        </p>
      ) : null}
      {preview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview: nothing is written yet</h2>
          <p>
            {preview.conference.isNew ? "New conference" : "Conference"} <strong>{preview.conference.title}</strong> (
            {preview.conference.slug}, {preview.conference.timeZone}). Would have {preview.summary}.
          </p>
          {preview.changes.length > 0 ? (
            <ul>
              {preview.changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          <button type="button" disabled={busy !== null} onClick={() => void run(false)}>
            {busy === "apply" ? "Importing…" : "Apply the import"}
          </button>
        </section>
      ) : null}
      {applied ? (
        <p role="status" className="notice">
          Done: {applied.summary}. <a href={`/conferences/${applied.conference.slug}`}>Open {applied.conference.title}</a>
        </p>
      ) : null}
    </div>
  );
}
