import type { BenchResult } from "./conflicts";

/** A plain-text table that reads the same in a terminal and pasted into Markdown. */
export function printTable(rows: readonly BenchResult[]): void {
  const cells = rows.map((row) => [row.name, String(row.value), row.unit, row.note]);
  const header = ["benchmark", "value", "unit", "setting / note"];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => (cell[column] ?? "").length)));
  const line = (cell: readonly string[]) =>
    `| ${cell.map((text, column) => (column === 1 ? text.padStart(widths[column] ?? 0) : text.padEnd(widths[column] ?? 0))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((width, column) => (column === 1 ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`);
  for (const cell of cells) console.log(line(cell));
}
