/** The outcome of a form: a quiet confirmation, or an alert that says what went wrong. */
export type FormStatusValue = { ok: boolean; text: string } | null;

export function FormStatus({ status }: { status: FormStatusValue }) {
  if (!status) return null;
  return (
    <p role={status.ok ? "status" : "alert"} className={status.ok ? "muted" : "error-text"}>
      {status.text}
    </p>
  );
}
