/**
 * A one-line progress bar for long imports, drawn only on a terminal (a pipe
 * or a log file gets nothing, so the summary stays the last line of output).
 */
export function createProgressBar(stream: NodeJS.WriteStream, label: string) {
  const enabled = stream.isTTY === true;
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(done: number, total: number) {
      if (!enabled || total < 50) return;
      const now = Date.now();
      if (done < total && now - lastDrawn < 80) return;
      lastDrawn = now;
      drawn = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
