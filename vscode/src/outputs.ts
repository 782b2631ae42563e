// nbformat outputs (as the kernel host sends them) → VS Code cell outputs, drawn by VS Code's
// built-in renderers, except Plotly and Mermaid, which the extension's own renderers draw.
import * as vscode from 'vscode';
import { KernelOutput } from './kernelClient';

function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json');
}

function item(mime: string, value: unknown): vscode.NotebookCellOutputItem {
  if (isJsonMime(mime)) {
    return vscode.NotebookCellOutputItem.json(typeof value === 'string' ? JSON.parse(value) : value, mime);
  }
  const text = Array.isArray(value) ? value.join('') : String(value);
  if (mime.startsWith('image/') && mime !== 'image/svg+xml') {
    return new vscode.NotebookCellOutputItem(Buffer.from(text, 'base64'), mime);
  }
  return vscode.NotebookCellOutputItem.text(text, mime);
}

/** Richest first: VS Code shows the first item it can render (the user can switch to the others). */
const preference = ['application/vnd.plotly.v1+json', 'text/vnd.mermaid', 'text/html', 'image/svg+xml', 'image/png', 'image/jpeg', 'text/markdown', 'text/latex', 'application/json', 'text/plain'];

function rank(mime: string): number {
  const i = preference.indexOf(mime);
  return i < 0 ? (mime.startsWith('application/vnd.') ? 0.5 : preference.length - 0.5) : i;
}

/** The output VS Code shows for one kernel output; metadata keeps what the ipynb serializer needs to save it. */
export function toCellOutput(output: KernelOutput): vscode.NotebookCellOutput {
  switch (output.output_type) {
    case 'stream':
      return new vscode.NotebookCellOutput(
        [output.name === 'stderr' ? vscode.NotebookCellOutputItem.stderr(output.text ?? '') : vscode.NotebookCellOutputItem.stdout(output.text ?? '')],
        { outputType: 'stream' });
    case 'error':
      return new vscode.NotebookCellOutput(
        [vscode.NotebookCellOutputItem.error({ name: output.ename ?? 'Error', message: output.evalue ?? '', stack: (output.traceback ?? []).join('\n') })],
        { outputType: 'error', originalError: { ename: output.ename, evalue: output.evalue, traceback: output.traceback } });
    default: {
      const data = output.data ?? {};
      const items = Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)).map(([mime, value]) => item(mime, value));
      const metadata: Record<string, unknown> = { outputType: output.output_type, metadata: output.metadata ?? {} };
      if (output.output_type === 'execute_result') metadata.executionCount = (output as { execution_count?: number }).execution_count;
      if (output.display_id) metadata.transient = { display_id: output.display_id };
      return new vscode.NotebookCellOutput(items, metadata);
    }
  }
}

/** An error shown in the cell when the engine could not run it (crash, missing engine, unsupported kernel). */
export function engineError(name: string, message: string): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name, message, stack: `${name}: ${message}` })], { outputType: 'error' });
}
