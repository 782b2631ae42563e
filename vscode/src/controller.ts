// The notebook controller: runs .ipynb and .dib cells on a SmartPulse kernel process (one per
// notebook), with interrupt, restart, and crash reporting in the cell.
import * as path from 'path';
import * as vscode from 'vscode';
import { cellKernel, isDotnetNotebook } from './cellKernels';
import { EngineStartError, startKernel } from './engine';
import { KernelClient, KernelExitedError, KernelOutput } from './kernelClient';
import { isSupportedKernel, supportedLanguageIds } from './kernelNames';
import { engineError, toCellOutput } from './outputs';

export class SmartPulseController implements vscode.Disposable {
  private readonly controllers: vscode.NotebookController[] = [];
  private readonly starting = new Map<string, Promise<KernelClient>>();
  private readonly clients = new Map<string, KernelClient>();
  private readonly changed = new vscode.EventEmitter<vscode.NotebookDocument>();
  /** Fires after a cell ran or a kernel (re)started, for the variables view. */
  readonly onDidChangeState = this.changed.event;

  constructor(private readonly log: vscode.OutputChannel, notebookTypes: string[]) {
    for (const type of notebookTypes) {
      const controller = vscode.notebooks.createNotebookController(`smartpulse-${type}`, type, 'SmartPulse (.NET)');
      controller.description = 'C#, F#, SQL, HTML, JavaScript, Mermaid — no Python needed';
      controller.supportedLanguages = supportedLanguageIds;
      controller.supportsExecutionOrder = true;
      controller.executeHandler = (cells, notebook, c) => this.execute(cells, notebook, c);
      controller.interruptHandler = (notebook) => this.interrupt(notebook);
      this.controllers.push(controller);
    }
  }

  /** Makes SmartPulse the preferred kernel of .NET notebooks. */
  prefer(notebook: vscode.NotebookDocument): void {
    if (!isDotnetNotebook(notebook)) return;
    for (const c of this.controllers) {
      if (c.notebookType === notebook.notebookType) c.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
    }
  }

  client(notebook: vscode.NotebookDocument): KernelClient | undefined {
    const c = this.clients.get(notebook.uri.toString());
    return c && !c.hasExited ? c : undefined;
  }

  async interrupt(notebook: vscode.NotebookDocument): Promise<void> {
    await this.client(notebook)?.interrupt().catch(() => undefined);
  }

  async restart(notebook: vscode.NotebookDocument): Promise<void> {
    await this.stop(notebook);
    this.log.appendLine(`restarting the kernel of ${notebook.uri.fsPath}`);
    await this.session(notebook).catch(() => undefined);
    this.changed.fire(notebook);
  }

  async stop(notebook: vscode.NotebookDocument): Promise<void> {
    const key = notebook.uri.toString();
    const pending = this.starting.get(key);
    this.starting.delete(key);
    const client = this.clients.get(key) ?? (await pending?.catch(() => undefined));
    this.clients.delete(key);
    if (client) await client.shutdown();
  }

  dispose(): void {
    for (const c of this.clients.values()) c.kill();
    this.clients.clear();
    for (const c of this.controllers) c.dispose();
    this.changed.dispose();
  }

  private session(notebook: vscode.NotebookDocument): Promise<KernelClient> {
    const key = notebook.uri.toString();
    const existing = this.clients.get(key);
    if (existing && !existing.hasExited) return Promise.resolve(existing);
    const pending = this.starting.get(key);
    if (pending) return pending;
    const cwd = notebook.uri.scheme === 'file' ? path.dirname(notebook.uri.fsPath) : undefined;
    const started = startKernel(cwd, this.log).then(({ client }) => {
      client.on('exit', (e: KernelExitedError) => this.log.appendLine(`kernel of ${notebook.uri.fsPath} exited: ${e.message}`));
      this.clients.set(key, client);
      return client;
    }).finally(() => this.starting.delete(key));
    this.starting.set(key, started);
    return started;
  }

  private async execute(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument, controller: vscode.NotebookController): Promise<void> {
    for (let i = 0; i < cells.length; i++) {
      const ok = await this.runCell(cells[i], notebook, controller);
      if (!ok) {
        // Like Jupyter and Polyglot Notebooks: a failing cell stops the cells queued after it.
        break;
      }
    }
    this.changed.fire(notebook);
  }

  private async runCell(cell: vscode.NotebookCell, notebook: vscode.NotebookDocument, controller: vscode.NotebookController): Promise<boolean> {
    if (cell.kind !== vscode.NotebookCellKind.Code) return true;
    const execution = controller.createNotebookCellExecution(cell);
    execution.start(Date.now());
    await execution.clearOutput();
    const kernel = cellKernel(cell);
    if (kernel === 'markdown') {
      await execution.replaceOutput([new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(cell.document.getText(), 'text/markdown')])]);
      execution.end(true, Date.now());
      return true;
    }
    if (!isSupportedKernel(kernel)) {
      await execution.replaceOutput([engineError('UnsupportedKernelError', `SmartPulse cannot run "${kernel}" cells; it runs csharp, fsharp, sql, html, javascript, mermaid and value. Pick one of those languages for this cell (status bar, bottom right) or run the notebook where a "${kernel}" kernel exists.`)]);
      execution.end(false, Date.now());
      return false;
    }

    let client: KernelClient;
    try {
      client = await this.session(notebook);
    } catch (e) {
      const message = e instanceof EngineStartError ? e.message : String(e);
      await execution.replaceOutput([engineError('EngineNotAvailable', message)]);
      execution.end(false, Date.now());
      return false;
    }

    execution.token.onCancellationRequested(() => { void client.interrupt().catch(() => undefined); });
    const outputs: vscode.NotebookCellOutput[] = [];
    const byDisplayId = new Map<string, vscode.NotebookCellOutput>();
    let chain = Promise.resolve();
    let clearOnNext = false;
    const clear = async () => {
      outputs.length = 0;
      byDisplayId.clear();
      await execution.clearOutput();
    };
    // ClearOutput() / Console.Clear() in the cell: now, or (wait) when the next output arrives.
    const onClear = (wait: boolean) => {
      chain = chain.then(async () => {
        if (wait) clearOnNext = true;
        else await clear();
      });
    };
    const onOutput = (o: KernelOutput, update: boolean) => {
      chain = chain.then(async () => {
        if (clearOnNext && !update) {
          clearOnNext = false;
          await clear();
        }
        const shown = toCellOutput(o);
        const previous = o.display_id ? byDisplayId.get(o.display_id) : undefined;
        if (update && previous) {
          await execution.replaceOutputItems(shown.items, previous);
          return;
        }
        if (update) return;
        if (o.display_id) byDisplayId.set(o.display_id, shown);
        const last = outputs[outputs.length - 1];
        if (o.output_type === 'stream' && last?.metadata?.outputType === 'stream' && last.items[0]?.mime === shown.items[0].mime) {
          await execution.appendOutputItems(shown.items, last);
          return;
        }
        outputs.push(shown);
        await execution.appendOutput(shown);
      });
    };

    try {
      const result = await client.execute(cell.document.getText(), kernel, onOutput, `cell ${cell.index + 1}`, onClear);
      await chain;
      if (result.executionCount > 0) execution.executionOrder = result.executionCount;
      execution.end(result.status === 'ok', Date.now());
      return result.status === 'ok';
    } catch (e) {
      await chain;
      if (e instanceof KernelExitedError) {
        await execution.appendOutput(engineError('KernelCrashed', `The SmartPulse kernel crashed while running this cell (${e.signal ? `signal ${e.signal}` : `exit code ${e.code}`}). Its variables are lost; restart the kernel and run the cells again.${e.stderrTail ? `\n${e.stderrTail}` : ''}`));
        execution.end(false, Date.now());
        this.clients.delete(notebook.uri.toString());
        void vscode.window.showErrorMessage(`The SmartPulse kernel of ${path.basename(notebook.uri.fsPath)} crashed. Restart it?`, 'Restart Kernel').then((choice) => {
          if (choice) void this.restart(notebook);
        });
        this.changed.fire(notebook);
        return false;
      }
      await execution.appendOutput(engineError('KernelError', String(e)));
      execution.end(false, Date.now());
      return false;
    }
  }
}
