// SmartPulse Notebooks: .dib serializer, a controller for .ipynb and .dib on `smartpulse kernel --stdio`,
// per-cell languages stored as Polyglot Notebooks stored them, language services and a variables view.
import * as vscode from 'vscode';
import { applyStoredLanguages, dibNotebookType, ipynbNotebookType, storeKernelOfLanguage, UnknownKernelStatusProvider } from './cellKernels';
import { SmartPulseController } from './controller';
import { DibSerializer } from './dibSerializer';
import { registerLanguageFeatures } from './languageFeatures';
import { installCommand } from './toolDiscovery';
import { VariablesView } from './variablesView';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('SmartPulse');
  const controller = new SmartPulseController(log, [ipynbNotebookType, dibNotebookType]);
  const variables = new VariablesView(controller);
  const active = () => vscode.window.activeNotebookEditor?.notebook;

  context.subscriptions.push(
    log,
    controller,
    vscode.workspace.registerNotebookSerializer(dibNotebookType, new DibSerializer(), { transientOutputs: true }),
    vscode.notebooks.registerNotebookCellStatusBarItemProvider(ipynbNotebookType, new UnknownKernelStatusProvider()),
    vscode.notebooks.registerNotebookCellStatusBarItemProvider(dibNotebookType, new UnknownKernelStatusProvider()),
    vscode.window.registerTreeDataProvider('smartpulse.variables', variables),
    controller.onDidChangeState(() => void variables.refresh()),
    vscode.window.onDidChangeActiveNotebookEditor(() => void variables.refresh()),
    vscode.workspace.onDidOpenNotebookDocument(async (notebook) => {
      controller.prefer(notebook);
      await applyStoredLanguages(notebook);
    }),
    vscode.workspace.onDidCloseNotebookDocument((notebook) => void controller.stop(notebook)),
    vscode.workspace.onDidOpenTextDocument((document) => {
      // Picking a cell's language reopens its text document with the new language id.
      if (document.uri.scheme === 'vscode-notebook-cell') void storeKernelOfLanguage(document);
    }),
    vscode.commands.registerCommand('smartpulse.restartKernel', async () => {
      const notebook = active();
      if (notebook) await controller.restart(notebook);
    }),
    vscode.commands.registerCommand('smartpulse.interruptKernel', async () => {
      const notebook = active();
      if (notebook) await controller.interrupt(notebook);
    }),
    vscode.commands.registerCommand('smartpulse.runAll', () => vscode.commands.executeCommand('notebook.execute')),
    vscode.commands.registerCommand('smartpulse.refreshVariables', () => variables.refresh()),
    vscode.commands.registerCommand('smartpulse.showInstallCommand', async () => {
      await vscode.env.clipboard.writeText(installCommand);
      void vscode.window.showInformationMessage(`Install the SmartPulse engine with: ${installCommand} (copied)`);
    }),
    ...registerLanguageFeatures(controller),
  );

  for (const notebook of vscode.workspace.notebookDocuments) {
    controller.prefer(notebook);
    void applyStoredLanguages(notebook);
  }
}

export function deactivate(): void {
  // Kernel processes are killed by the controller's dispose.
}
