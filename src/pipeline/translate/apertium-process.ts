/**
 * One warm Apertium pipeline for one pair, fed null-terminated segments: each segment written with a
 * trailing '\0' comes back followed by '\0'. Requests queue in order on the one pipe. A process that
 * dies is replaced on the next request; a request that takes too long kills it with a clear error.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { HappeningsError } from '../../errors.js';

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class ApertiumProcess {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly pending: Pending[] = [];
  private buffer = '';
  private stderr = '';

  constructor(
    private readonly pipeline: string,
    private readonly pair: string,
    private readonly timeoutMs: number,
  ) {}

  get queued(): number {
    return this.pending.length;
  }

  /** The running pipeline's process group (its shell's pid), null when none runs. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  translate(segment: string): Promise<string> {
    const child = this.child ?? this.start();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(`apertium ${this.pair} gave no answer in ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      this.pending.push({ resolve, reject, timer });
      // A stray '\0' in the text would split the answer; it is never meaningful in a text. The blank
      // holding a line break after the '\0' is what makes a line-buffered lt-proc hand the answer on
      // (see apertium.ts pipelineOf); it comes back at the head of the next answer and is cut there.
      child.stdin.write(`${segment.replaceAll('\0', ' ')}\0${lineFlush}`);
    });
  }

  close(): void {
    this.fail('apertium closed', false);
  }

  private start(): ChildProcessWithoutNullStreams {
    // $1 -g: generate with unknown-word marks (`*palabra`, resolved or removed by polish.ts and
    // stripUnknownMarks); $2: no tagger option.
    // detached: the pipeline gets its own process group, so a kill reaches every program in it.
    // --norc --noprofile: a bash whose stdin is a socket may read ~/.bashrc (as under rshd); a pyenv
    // init there ran `pyenv rehash` inside our pipelines and waited on its lock.
    const child = spawn('bash', ['--norc', '--noprofile', '-c', this.pipeline, 'apertium', '-g', ''], {
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
      detached: true,
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.receive(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-500)));
    child.stdin.on('error', () => undefined); // the 'exit' handler reports it
    child.on('exit', (code) => {
      if (this.child === child)
        this.fail(`apertium ${this.pair} exited (${code ?? 'signal'}): ${this.stderr.trim() || 'no message'}`);
    });
    this.child = child;
    return child;
  }

  private receive(chunk: string): void {
    // Only the new chunk can hold the next '\0': a long answer is not searched again chunk by chunk.
    if (!chunk.includes('\0')) {
      this.buffer += chunk;
      return;
    }
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const answer = this.buffer.slice(0, end);
      const text = answer.startsWith(lineFlush) ? answer.slice(lineFlush.length) : answer;
      this.buffer = this.buffer.slice(end + 1);
      const request = this.pending.shift();
      if (!request) continue;
      clearTimeout(request.timer);
      request.resolve(text);
    }
  }

  /** Kills the process and fails every waiting request; the next request starts a fresh one. */
  private fail(message: string, asError = true): void {
    const child = this.child;
    this.child = null;
    this.buffer = '';
    // A live pipeline is killed whole (its process group). One whose shell already exited is only cut
    // off (stdin closed, so the rest of it reads EOF and ends): its group id may belong to a new
    // process by now (pid_max is 32768 here), which a group kill would hit.
    if (child?.pid && child.exitCode === null && child.signalCode === null) killGroup(child.pid);
    else child?.stdin.destroy();
    for (const request of this.pending.splice(0)) {
      clearTimeout(request.timer);
      request.reject(new HappeningsError('translate', 'translator', message));
    }
    if (asError && child) this.stderr = '';
  }
}

/** A blank holding a line break: written after each request's '\0' (see translate()). */
const lineFlush = '[\n]';

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
