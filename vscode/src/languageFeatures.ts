// Completion, hover and signature help for notebook cells, answered by the kernel's language services.
import * as vscode from 'vscode';
import { cellKernel } from './cellKernels';
import { SmartPulseController } from './controller';
import { supportedLanguageIds } from './kernelNames';

function cellOf(document: vscode.TextDocument): vscode.NotebookCell | undefined {
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((c) => c.document === document);
    if (cell) return cell;
  }
  return undefined;
}

/** The kernel protocol counts the cursor in Unicode code points. */
function codePoints(text: string, offset: number): number {
  return Array.from(text.slice(0, offset)).length;
}

function offsetOfCodePoints(text: string, points: number): number {
  return Array.from(text).slice(0, points).join('').length;
}

const kinds: Record<string, vscode.CompletionItemKind> = {
  function: vscode.CompletionItemKind.Method, property: vscode.CompletionItemKind.Property, instance: vscode.CompletionItemKind.Variable,
  module: vscode.CompletionItemKind.Module, interface: vscode.CompletionItemKind.Interface, enum: vscode.CompletionItemKind.Enum,
  class: vscode.CompletionItemKind.Class, event: vscode.CompletionItemKind.Event, keyword: vscode.CompletionItemKind.Keyword,
};

export function registerLanguageFeatures(controller: SmartPulseController): vscode.Disposable[] {
  const selector = supportedLanguageIds.filter((l) => l !== 'markdown').map((language) => ({ scheme: 'vscode-notebook-cell', language }));
  const context = (document: vscode.TextDocument) => {
    const cell = cellOf(document);
    const client = cell ? controller.client(cell.notebook) : undefined;
    return cell && client ? { client, kernel: cellKernel(cell), text: document.getText() } : undefined;
  };

  const completion = vscode.languages.registerCompletionItemProvider(selector, {
    async provideCompletionItems(document, position) {
      const c = context(document);
      if (!c) return [];
      const offset = document.offsetAt(position);
      const reply = await c.client.complete(c.text, codePoints(c.text, offset), c.kernel).catch(() => undefined);
      if (!reply) return [];
      const range = new vscode.Range(document.positionAt(offsetOfCodePoints(c.text, reply.cursor_start)), document.positionAt(offsetOfCodePoints(c.text, reply.cursor_end)));
      const types = new Map((reply.metadata?._jupyter_types_experimental ?? []).map((t) => [t.text, t]));
      return reply.matches.map((m) => {
        const item = new vscode.CompletionItem(m, kinds[types.get(m)?.type ?? ''] ?? vscode.CompletionItemKind.Text);
        item.range = range;
        item.detail = types.get(m)?.signature;
        return item;
      });
    },
  }, '.');

  const hover = vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position) {
      const c = context(document);
      if (!c) return undefined;
      const reply = await c.client.inspect(c.text, codePoints(c.text, document.offsetAt(position)), c.kernel, 1).catch(() => undefined);
      if (!reply?.found) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(reply.data['text/markdown'] ?? reply.data['text/plain'] ?? ''));
    },
  });

  const signature = vscode.languages.registerSignatureHelpProvider(selector, {
    async provideSignatureHelp(document, position) {
      const c = context(document);
      if (!c) return undefined;
      const offset = document.offsetAt(position);
      // The argument being typed: commas at depth 0 since the open parenthesis.
      let depth = 0;
      let active = 0;
      for (let i = offset - 1; i >= 0; i--) {
        const ch = c.text[i];
        if (ch === ')' || ch === ']' || ch === '}') depth++;
        else if (ch === '(' || ch === '[' || ch === '{') {
          if (depth === 0) {
            if (ch !== '(') return undefined;
            break;
          }
          depth--;
        } else if (ch === ',' && depth === 0) active++;
        else if (ch === ';' || (ch === '\n' && depth < 0)) return undefined;
      }
      // The kernel's inspect finds the method being called from inside its argument list.
      const reply = await c.client.inspect(c.text, codePoints(c.text, offset), c.kernel, 0).catch(() => undefined);
      const plain = reply?.found ? reply.data['text/plain'] ?? '' : '';
      const [signaturesText, ...doc] = plain.split('\n\n');
      const signatures = signaturesText.split('\n').filter((l) => l.includes('(') && !l.startsWith('(+'));
      if (signatures.length === 0) return undefined;
      const help = new vscode.SignatureHelp();
      help.signatures = signatures.map((s) => {
        const info = new vscode.SignatureInformation(s, doc.join('\n\n'));
        const params = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
        info.parameters = params.length === 0 ? [] : params.split(',').map((p) => new vscode.ParameterInformation(p.trim()));
        return info;
      });
      const fitting = help.signatures.findIndex((s) => s.parameters.length > active);
      help.activeSignature = Math.max(0, fitting);
      help.activeParameter = active;
      return help;
    },
  }, '(', ',');

  return [completion, hover, signature];
}
