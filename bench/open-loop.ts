/**
 * An open-loop load, as wrk2 makes one: requests sent at a fixed rate on a fixed schedule, whatever
 * the server's answers do, each latency measured from the time the request was due, not the time it
 * went out. A closed loop (C connections, each waiting for its answer before the next request)
 * slows down with the server, so a stall delays the requests that would have measured it and they
 * are never counted (coordinated omission); here a stall counts against every request due during it.
 *
 * At a rate the server can hold, the latency is the cost of one request plus queueing that stays
 * short; at 200 closed-loop connections on two cores it is mostly queueing (Little's law: 200
 * requests in flight at N per second wait 200/N s each), which says little about one request.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface OpenLoopResult {
  /** Answers per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  /** Answers other than 200, and requests that failed. */
  errors: number;
  /** The most a request went out after it was due (ms): the load generator falling behind, itself counted in the latencies. */
  sendLagMs: number;
}

/** Sends `rate` requests a second for `seconds` over at most `connections` connections, `paths` in turn. */
export async function openLoop(
  origin: string,
  paths: string[],
  rate: number,
  seconds: number,
  connections = 256,
): Promise<OpenLoopResult> {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const total = Math.round(rate * seconds);
  const latencies = new Float64Array(total);
  let errors = 0;
  let sent = 0;
  let sendLagMs = 0;
  const answers: Promise<void>[] = [];
  const started = performance.now();
  const send = (i: number, due: number) =>
    pool
      .request({ path: paths[i % paths.length]!, method: 'GET' })
      .then(async (res) => {
        await res.body.arrayBuffer();
        if (res.statusCode !== 200) errors += 1;
      })
      .catch(() => void (errors += 1))
      .finally(() => void (latencies[i] = performance.now() - due));
  // Every tick sends whatever is due by now; a late tick sends late, and that lateness is counted.
  while (sent < total) {
    const now = performance.now();
    for (; sent < total; sent += 1) {
      const due = started + (sent * 1000) / rate;
      if (due > now) break;
      sendLagMs = Math.max(sendLagMs, now - due);
      answers.push(send(sent, due));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(answers);
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  const sorted = latencies.sort();
  const q = (p: number) => sorted[Math.min(total - 1, Math.floor(p * total))] ?? 0;
  return {
    rps: total / elapsed,
    p50: q(0.5),
    p99: q(0.99),
    p999: q(0.999),
    max: sorted[total - 1] ?? 0,
    errors,
    sendLagMs,
  };
}
