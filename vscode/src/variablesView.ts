// The variables view: `#!who` of each kernel of the active notebook, refreshed after every run.
// The engine lists every kernel (csharp, fsharp, sql, html, ..., connected ones); the view shows the
// kernels holding variables, and always the default C# kernel so a fresh kernel reads "0 variables".
import * as vscode from 'vscode';
import { SmartPulseController } from './controller';
import { KernelVariable, KernelVariables } from './kernelClient';

type Node = { kind: 'kernel'; name: string; variables: KernelVariable[] } | { kind: 'variable'; variable: KernelVariable } | { kind: 'message'; text: string };

export class VariablesView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private snapshot: KernelVariables | undefined;
  private message = 'Run a cell of a SmartPulse notebook to see its variables.';

  constructor(private readonly controller: SmartPulseController) {}

  async refresh(): Promise<void> {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    const client = notebook ? this.controller.client(notebook) : undefined;
    this.snapshot = undefined;
    if (!client) {
      this.message = 'No SmartPulse kernel is running for the active notebook.';
    } else {
      try {
        this.snapshot = await client.variables();
      } catch (e) {
        this.message = `Could not list variables: ${(e as Error).message}`;
      }
    }
    this.emitter.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'kernel': {
        const item = new vscode.TreeItem(`#!${node.name}`, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.variables.length} variable${node.variables.length === 1 ? '' : 's'}`;
        return item;
      }
      case 'variable': {
        const item = new vscode.TreeItem(node.variable.name, vscode.TreeItemCollapsibleState.None);
        item.description = `${node.variable.type} = ${node.variable.value}`;
        item.tooltip = `${node.variable.name}: ${node.variable.type}\n${node.variable.value}`;
        return item;
      }
      default:
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return this.snapshot ? shownKernels(this.snapshot).map((k) => ({ kind: 'kernel', name: k.name, variables: k.variables })) : [{ kind: 'message', text: this.message }];
    }
    return node.kind === 'kernel' ? node.variables.map((variable) => ({ kind: 'variable', variable })) : [];
  }
}

/** The kernels worth a node: the default (C#) kernel always, any other only when it holds variables. */
export function shownKernels(snapshot: KernelVariables): KernelVariables['kernels'] {
  return snapshot.kernels.filter((k) => k.name === 'csharp' || k.variables.length > 0);
}
