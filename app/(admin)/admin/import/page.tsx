import type { Metadata } from "next";
import { ImportForm } from "@/components/admin/import-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { PROGRAM_FORMATS } from "@/lib/program/parsed-program";

export const metadata: Metadata = { title: "Import a program" };

export default async function ImportPage() {
  const user = await requirePageUser("/admin/import");
  if (user.role !== "ADMIN") {
    return (
      <>
        <h1>Import a program</h1>
        <p className="notice">Only admins can import programs. Ask an admin of this planner to make you one.</p>
      </>
    );
  }
  return (
    <>
      <h1>Import a program</h1>
      <p className="muted">
        frab/pretalx schedule XML, c3voc schedule.json, Sessionize JSON, iCalendar, or a plain session listing. A re-import
        updates sessions in place; sessions missing from the new file are marked cancelled, so nobody loses a star or a note.
      </p>
      <ImportForm formats={PROGRAM_FORMATS} />
    </>
  );
}
