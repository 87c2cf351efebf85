"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, messageOf } from "@/lib/client/api-fetch";

export function WalkingBufferForm({ minutes }: { minutes: number | null }) {
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get("minutes") ?? "").trim();
    try {
      await apiFetch("/api/v1/me/settings", { method: "PATCH", json: { walkingBufferMinutes: raw === "" ? null : Number(raw) } });
      setStatus("Saved.");
      router.refresh();
    } catch (caught) {
      setStatus(messageOf(caught, "Saving failed."));
    }
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Walking time between rooms">
      <div className="field">
        <label htmlFor="walking-minutes">Minutes I need to change rooms</label>
        <input id="walking-minutes" name="minutes" type="number" min={0} max={120} defaultValue={minutes ?? ""} placeholder="off" />
      </div>
      <button type="submit" className="secondary">
        Save
      </button>
      {status ? <span role="status">{status}</span> : null}
    </form>
  );
}
