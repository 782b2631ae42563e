// Which kernel a cell runs on, kept in the cell metadata exactly as Polyglot Notebooks stored it
// (polyglot_notebook.kernelName + dotnet_interactive.language) and in step with the cell's language.
import * as vscode from 'vscode';
import { isSupportedKernel, kernelFromCellMetadata, kernelFromFirstLine, kernelToLanguageId, languageIdToKernel, withKernel } from './kernelNames';

export const dibNotebookType = 'smartpulse-dib';
export const ipynbNotebookType = 'jupyter-notebook';

/** Whether SmartPulse should manage this notebook: any .dib, or an .ipynb written for .NET Interactive. */
export function isDotnetNotebook(notebook: vscode.NotebookDocument): boolean {
  if (notebook.notebookType === dibNotebookType) return true;
  if (notebook.notebookType !== ipynbNotebookType) return false;
  const meta = (notebook.metadata?.metadata ?? notebook.metadata ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const spec = meta.kernelspec?.name;
  return (typeof spec === 'string' && spec.startsWith('.net-')) || meta.polyglot_notebook !== undefined || meta.dotnet_interactive !== undefined;
}

/** The notebook's default kernel (`polyglot_notebook.kernelInfo.defaultKernelName`, else csharp). */
export function defaultKernel(notebook: vscode.NotebookDocument): string {
  const meta = (notebook.metadata?.metadata ?? notebook.metadata ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const info = (meta.polyglot_notebook?.kernelInfo ?? meta.kernelInfo) as Record<string, unknown> | undefined;
  return typeof info?.defaultKernelName === 'string' ? info.defaultKernelName : 'csharp';
}

/** The kernel a code cell runs on: its metadata, else a `#!name` first line, else its language, else the notebook default. */
export function cellKernel(cell: vscode.NotebookCell): string {
  if (cell.kind === vscode.NotebookCellKind.Markup) return 'markdown';
  const fromLanguage = languageIdToKernel(cell.document.languageId);
  const fromMetadata = kernelFromCellMetadata(cell.metadata as Record<string, unknown>);
  if (fromMetadata && (!fromLanguage || !isSupportedKernel(fromMetadata) || fromLanguage === fromMetadata)) return fromMetadata;
  return kernelFromFirstLine(cell.document.getText()) ?? fromLanguage ?? fromMetadata ?? defaultKernel(cell.notebook);
}

/** Sets each cell's language from its stored kernel (done once when a notebook opens). */
export async function applyStoredLanguages(notebook: vscode.NotebookDocument): Promise<void> {
  if (!isDotnetNotebook(notebook)) return;
  for (const cell of notebook.getCells()) {
    if (cell.kind !== vscode.NotebookCellKind.Code) continue;
    const kernel = kernelFromCellMetadata(cell.metadata as Record<string, unknown>) ?? kernelFromFirstLine(cell.document.getText()) ?? defaultKernel(notebook);
    const language = kernelToLanguageId(kernel);
    if (isSupportedKernel(kernel) && cell.document.languageId !== language) {
      await vscode.languages.setTextDocumentLanguage(cell.document, language);
    }
  }
}

/** After the user picks a language for a cell, store the matching kernel in its metadata. */
export async function storeKernelOfLanguage(document: vscode.TextDocument): Promise<void> {
  const notebook = vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document === document));
  if (!notebook || !isDotnetNotebook(notebook)) return;
  const cell = notebook.getCells().find((c) => c.document === document);
  if (!cell || cell.kind !== vscode.NotebookCellKind.Code) return;
  const kernel = languageIdToKernel(document.languageId);
  if (!kernel || !isSupportedKernel(kernel)) return;
  const stored = kernelFromCellMetadata(cell.metadata as Record<string, unknown>);
  if (stored === kernel) return;
  const nested = notebook.notebookType === ipynbNotebookType;
  const edit = new vscode.WorkspaceEdit();
  edit.set(notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, withKernel(cell.metadata as Record<string, unknown>, kernel, nested))]);
  await vscode.workspace.applyEdit(edit);
}

/** Marks cells whose kernel SmartPulse cannot run (pwsh, kql, a #!connect-ed kernel, ...) in the cell status bar. */
export class UnknownKernelStatusProvider implements vscode.NotebookCellStatusBarItemProvider {
  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    if (cell.kind !== vscode.NotebookCellKind.Code || !isDotnetNotebook(cell.notebook)) return [];
    const kernel = cellKernel(cell);
    if (isSupportedKernel(kernel)) {
      return [new vscode.NotebookCellStatusBarItem(`#!${kernel}`, vscode.NotebookCellStatusBarAlignment.Right)];
    }
    const item = new vscode.NotebookCellStatusBarItem(`$(warning) unknown kernel "${kernel}"`, vscode.NotebookCellStatusBarAlignment.Left);
    item.tooltip = `SmartPulse cannot run "${kernel}" cells (it runs csharp, fsharp, sql, html, javascript, mermaid, markdown and value). The cell is kept as written; pick another language to run it.`;
    return [item];
  }
}
