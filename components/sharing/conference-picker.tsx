import styles from "./sharing.module.css";

type Option = { slug: string; title: string; starredSessions?: number };

/** A plain GET form, so choosing a conference works without JavaScript. */
export function ConferencePicker({
  action,
  conferences,
  current,
  hidden = {},
}: {
  action: string;
  conferences: Option[];
  current: string | null;
  hidden?: Record<string, string>;
}) {
  if (conferences.length === 0) return <p className="muted">No conferences have been imported yet.</p>;
  return (
    <form method="get" action={action} className={styles["inline-form"]} aria-label="Choose a conference">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={styles.field}>
        <label htmlFor="conference-picker">Conference</label>
        <select id="conference-picker" name="conference" defaultValue={current ?? undefined}>
          {conferences.map((conference) => (
            <option key={conference.slug} value={conference.slug}>
              {conference.title}
              {conference.starredSessions ? ` (${conference.starredSessions} starred by the team)` : ""}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary">
        Show
      </button>
    </form>
  );
}
