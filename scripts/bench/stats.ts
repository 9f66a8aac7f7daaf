/** Runs `fn` a few times after a warm-up and returns the median in ms. */
export async function medianMs(fn: () => Promise<unknown>, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
