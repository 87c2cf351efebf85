"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormStatus, type FormStatusValue } from "@/components/form-status";
import { apiFetch, messageOf } from "@/lib/client/api-fetch";

export function ProfileForm({ name }: { name: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<FormStatusValue>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name"));
    try {
      await apiFetch("/api/v1/me", { method: "PATCH", json: { name: value } });
      setStatus({ ok: true, text: "Name saved." });
      router.refresh();
    } catch (caught) {
      setStatus({ ok: false, text: messageOf(caught, "Saving failed.") });
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Change name">
      <div className="field">
        <label htmlFor="account-name">Name</label>
        <input id="account-name" name="name" defaultValue={name} maxLength={100} required />
      </div>
      <div>
        <button type="submit">Save name</button>
      </div>
      <FormStatus status={status} />
    </form>
  );
}
