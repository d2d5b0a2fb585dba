// Servers and temporary databases must not outlive an interrupted run (Ctrl-C).
const pending = new Set<() => Promise<void>>();

/** Registers work to run if the run is interrupted; returns a function that unregisters it. */
export function onInterrupt(work: () => Promise<void>): () => void {
  pending.add(work);
  return () => {
    pending.delete(work);
  };
}

/** Runs all registered work (newest first), once. */
export async function runInterruptWork(): Promise<void> {
  const works = [...pending].reverse();
  pending.clear();
  for (const work of works) {
    try {
      await work();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
