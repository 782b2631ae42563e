// VS Code's view of a .dib file (see dibFormat.ts for the format).
import * as vscode from 'vscode';
import { DibCell, readDib, writeDib } from './dibFormat';
import { isSupportedKernel, kernelFromCellMetadata, kernelToLanguageId, languageIdToKernel, normalizeKernel, withKernel } from './kernelNames';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export class DibSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const doc = readDib(decoder.decode(content));
    const cells = doc.cells.map((cell) => {
      const data = cell.kind === 'markdown'
        ? new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, cell.source, 'markdown')
        : new vscode.NotebookCellData(vscode.NotebookCellKind.Code, cell.source, isSupportedKernel(cell.kernel) ? kernelToLanguageId(cell.kernel) : 'plaintext');
      const metadata = withKernel({}, cell.kernel, false);
      if (cell.directive !== undefined) metadata.dib = { directive: cell.directive };
      data.metadata = metadata;
      return data;
    });
    const notebook = new vscode.NotebookData(cells);
    notebook.metadata = doc.kernelInfo ? { polyglot_notebook: { kernelInfo: doc.kernelInfo } } : {};
    return notebook;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const info = (data.metadata?.polyglot_notebook as Record<string, unknown> | undefined)?.kernelInfo as Record<string, unknown> | undefined;
    const defaultKernel = typeof info?.defaultKernelName === 'string' ? normalizeKernel(info.defaultKernelName) : 'csharp';
    const cells: DibCell[] = data.cells.map((cell) => {
      const directive = (cell.metadata?.dib as { directive?: string } | undefined)?.directive;
      if (cell.kind === vscode.NotebookCellKind.Markup) {
        return { kind: 'markdown', kernel: 'markdown', source: cell.value, directive };
      }
      const fromLanguage = languageIdToKernel(cell.languageId);
      const stored = kernelFromCellMetadata(cell.metadata);
      const kernel = fromLanguage && isSupportedKernel(fromLanguage) && fromLanguage !== 'markdown' ? fromLanguage : stored ?? defaultKernel;
      return { kind: 'code', kernel, source: cell.value, directive };
    });
    return encoder.encode(writeDib({ kernelInfo: info, defaultKernel, cells }));
  }
}
