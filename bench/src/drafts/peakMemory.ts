import fs from 'node:fs';

/**
 * Peak resident memory of this process during `work`, from the kernel's high-water mark
 * (VmHWM), which writing 5 to /proc/self/clear_refs resets. Sampling from a timer would miss
 * the peak: the exports block the event loop while they run.
 */
export async function measure<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; peakMiB: number; result: T }> {
  fs.writeFileSync('/proc/self/clear_refs', '5');
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { ms, peakMiB: kib / 1024, result };
}
