/**
 * The attacker as its own process (so its sockets do not share the server's event loop):
 * `attacker.ts slow-logins BASE N` sends N logins, headers now and bodies 1 s later, and prints
 * the statuses as JSON; `attacker.ts get BASE PATH N` sends N GETs of PATH with a reader's agent.
 */
import { rawRequest } from '../attack.testkit.js';

const [mode, base, ...rest] = process.argv.slice(2);

async function main(): Promise<number[]> {
  if (mode === 'slow-logins') {
    const n = Number(rest[0]);
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        rawRequest(base!, {
          path: '/admin/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `password=guess-${i}`,
          bodyAfterMs: 1000,
        }),
      ),
    );
    return answers.map((a) => a.status);
  }
  if (mode === 'get') {
    const [path, n] = rest;
    const statuses: number[] = [];
    for (let i = 0; i < Number(n); i++) {
      const answer = await fetch(`${base}${path}`, { headers: { 'user-agent': 'Mozilla/5.0 Firefox/128.0' } });
      await answer.arrayBuffer();
      statuses.push(answer.status);
    }
    return statuses;
  }
  throw new Error(`unknown mode ${mode}`);
}

process.stdout.write(JSON.stringify(await main()));
