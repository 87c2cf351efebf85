"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";

type Token = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

export function ApiTokens() {
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: ["api-tokens"],
    queryFn: () => apiFetch<{ tokens: Token[] }>("/api/v1/me/tokens").then((body) => body.tokens),
  });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation({
    mutationFn: (name: string) => apiFetch<{ name: string; token: string }>("/api/v1/me/tokens", { method: "POST", json: { name } }),
    onSuccess: (token) => {
      setCreated(token);
      void queryClient.invalidateQueries({ queryKey: ["api-tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/me/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-tokens"] }),
  });

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(String(new FormData(form).get("name")), { onSuccess: () => form.reset() });
  }

  const failure = create.error ?? revoke.error;
  return (
    <div className="form">
      <form className="form" onSubmit={onCreate} aria-label="Create an API token">
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" name="name" placeholder="e.g. laptop script" maxLength={80} required />
        </div>
        <div>
          <button type="submit" disabled={create.isPending}>
            Create token
          </button>
        </div>
      </form>
      {created ? (
        <div className="notice" role="status">
          <p>
            Your token <strong>{created.name}</strong>. Copy it now: it is shown only once.
          </p>
          <code aria-label="New API token" style={{ wordBreak: "break-all" }}>
            {created.token}
          </code>
        </div>
      ) : null}
      {failure ? (
        <p role="alert" className="error-text">
          {failure instanceof ApiError ? failure.message : "That did not work."}
        </p>
      ) : null}
      {tokens.isPending ? (
        <p className="muted">Loading tokens…</p>
      ) : tokens.isError ? (
        <p role="alert" className="error-text">
          Could not load your tokens.
        </p>
      ) : tokens.data.length === 0 ? (
        <p className="muted">No tokens yet. A token lets scripts call the API as you (Authorization: Bearer).</p>
      ) : (
        <table>
          <caption className="muted" style={{ textAlign: "left" }}>
            Your API tokens
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => revoke.mutate(token.id)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
