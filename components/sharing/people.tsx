import styles from "./sharing.module.css";

type Person = { userId: string; name: string; initials: string; level?: "must" | "maybe" };

/** Teammates by initials badge and name; a "maybe" star says so in words, not only by style. */
export function People({ label, people }: { label: string; people: Person[] }) {
  if (people.length === 0) return null;
  return (
    <ul className={styles.people} aria-label={label}>
      {people.map((person) => (
        <li key={person.userId} className={styles.person}>
          <span className={styles.initials} aria-hidden="true">
            {person.initials}
          </span>{" "}
          {person.name}
          {person.level === "maybe" ? " (maybe)" : ""}
        </li>
      ))}
    </ul>
  );
}
