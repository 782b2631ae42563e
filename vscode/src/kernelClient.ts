// The client side of `smartpulse kernel --stdio`: JSON-RPC 2.0, one JSON object per line on the
// child's stdin/stdout. Knows nothing about VS Code, so the unit tests drive it against the real engine.
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { EventEmitter } from 'events';

export const expectedProtocolVersion = 1;

/** An nbformat output as the host sends it (strings unsplit). */
export interface KernelOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  display_id?: string;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface ExecuteResult {
  status: 'ok' | 'error' | 'cancelled';
  executionCount: number;
  elapsedMs?: number;
  ename?: string | null;
  evalue?: string | null;
}

export interface InitializeResult {
  protocolVersion: number;
  implementation: string;
  version: string;
  defaultKernelName: string;
  banner?: string;
}

export interface KernelVariable { name: string; type: string; value: string }
export interface KernelVariables { kernels: { name: string; variables: KernelVariable[] }[] }

/** The kernel process ended while requests were pending (a crash, `Environment.Exit`, or a kill). */
export class KernelExitedError extends Error {
  constructor(public readonly code: number | null, public readonly signal: string | null, public readonly stderrTail: string) {
    super(`the SmartPulse kernel process exited (${signal ? `signal ${signal}` : `exit code ${code}`})${stderrTail ? `: ${stderrTail}` : ''}`);
  }
}

export class KernelRpcError extends Error {
  constructor(public readonly code: number, message: string) {
    super(message);
  }
}

interface Pending { resolve(value: unknown): void; reject(error: Error): void; onOutput?: (o: KernelOutput, update: boolean) => void; onClear?: (wait: boolean) => void }

export class KernelClient extends EventEmitter {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private buffer = '';
  private stderr = '';
  private exited: KernelExitedError | undefined;

  constructor(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    super();
    this.child = spawn(command, [...args, 'kernel', '--stdio'], { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
      this.emit('log', chunk);
    });
    this.child.on('error', (e) => this.fail(new KernelExitedError(null, null, e.message)));
    this.child.on('exit', (code, signal) => this.fail(new KernelExitedError(code, signal, this.stderr.trim().split('\n').slice(-3).join('\n'))));
    this.child.stdin.on('error', () => { /* reported through 'exit' */ });
  }

  get pid(): number | undefined { return this.child.pid; }
  get hasExited(): boolean { return this.exited !== undefined; }

  initialize(): Promise<InitializeResult> { return this.request('initialize', {}) as Promise<InitializeResult>; }

  /** Runs a cell; outputs arrive through `onOutput` (update = an update of an earlier display_id) before the promise resolves. */
  execute(code: string, kernelName: string, onOutput: (output: KernelOutput, update: boolean) => void, cellName?: string, onClear?: (wait: boolean) => void): Promise<ExecuteResult> {
    return this.request('execute', { code, kernelName, cellName }, onOutput, onClear) as Promise<ExecuteResult>;
  }

  interrupt(): Promise<{ interrupted: boolean }> { return this.request('interrupt', {}) as Promise<{ interrupted: boolean }>; }

  complete(code: string, cursor: number, kernelName: string): Promise<{ matches: string[]; cursor_start: number; cursor_end: number; metadata?: { _jupyter_types_experimental?: { text: string; type: string; signature?: string }[] } }> {
    return this.request('complete', { code, cursor, kernelName }) as never;
  }

  inspect(code: string, cursor: number, kernelName: string, detailLevel = 0): Promise<{ found: boolean; data: Record<string, string> }> {
    return this.request('inspect', { code, cursor, kernelName, detailLevel }) as never;
  }

  variables(): Promise<KernelVariables> { return this.request('variables', {}) as Promise<KernelVariables>; }

  /** Asks the host to stop; kills it if it has not gone after `graceMs`. */
  async shutdown(graceMs = 3000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.request('shutdown', {}).catch(() => undefined);
    this.child.stdin.end();
    const timer = setTimeout(() => this.kill(), graceMs);
    await gone;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private request(method: string, params: object, onOutput?: Pending['onOutput'], onClear?: Pending['onClear']): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onOutput, onClear });
      this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim().length === 0) continue;
      let message: { id?: number; method?: string; params?: { executionId?: number; output?: KernelOutput; wait?: boolean }; result?: unknown; error?: { code: number; message: string } };
      try {
        message = JSON.parse(line);
      } catch {
        this.emit('log', `not JSON on the kernel's stdout: ${line}\n`);
        continue;
      }
      if (message.method === 'output' || message.method === 'updateDisplay') {
        const target = message.params?.executionId !== undefined ? this.pending.get(message.params.executionId) : undefined;
        if (target?.onOutput && message.params?.output) target.onOutput(message.params.output, message.method === 'updateDisplay');
        continue;
      }
      if (message.method === 'clearOutput') {
        const target = message.params?.executionId !== undefined ? this.pending.get(message.params.executionId) : undefined;
        target?.onClear?.(message.params?.wait === true);
        continue;
      }
      if (typeof message.id === 'number' && this.pending.has(message.id)) {
        const p = this.pending.get(message.id)!;
        this.pending.delete(message.id);
        if (message.error) p.reject(new KernelRpcError(message.error.code, message.error.message));
        else p.resolve(message.result);
      }
    }
  }

  private fail(error: KernelExitedError): void {
    if (this.exited) return;
    this.exited = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.emit('exit', error);
  }
}
