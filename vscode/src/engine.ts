// Starting a kernel: find the engine, start `smartpulse kernel --stdio`, check its protocol version,
// and turn every failure into a notification that names the setting and the install command.
import * as vscode from 'vscode';
import { expectedProtocolVersion, InitializeResult, KernelClient, KernelExitedError } from './kernelClient';
import { defaultEnvironment, EngineCommand, EngineNotFoundError, findEngine, installCommand, settingName, updateCommand, wrongVersionMessage } from './toolDiscovery';

export class EngineStartError extends Error {}

export function locateEngine(): EngineCommand {
  const config = vscode.workspace.getConfiguration('smartpulse');
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  return findEngine(defaultEnvironment(config.get<string>('enginePath'), config.get<string[]>('engineArgs') ?? [], folders));
}

export async function startKernel(cwd: string | undefined, log: vscode.OutputChannel): Promise<{ client: KernelClient; info: InitializeResult; engine: EngineCommand }> {
  let engine: EngineCommand;
  try {
    engine = locateEngine();
  } catch (e) {
    if (e instanceof EngineNotFoundError) {
      void notify(e.message, installCommand);
      throw new EngineStartError(e.message);
    }
    throw e;
  }

  log.appendLine(`starting ${engine.command} ${[...engine.args, 'kernel', '--stdio'].join(' ')} (found via ${engine.source})`);
  const client = new KernelClient(engine.command, engine.args, { cwd });
  client.on('log', (text: string) => log.append(text));
  let info: InitializeResult;
  try {
    info = await client.initialize();
  } catch (e) {
    const detail = e instanceof KernelExitedError
      ? (/stdio|Unrecognized|unknown option/i.test(e.stderrTail) ? `it does not know "kernel --stdio": ${e.stderrTail}` : e.message)
      : String(e);
    const message = e instanceof KernelExitedError && e.code === null && e.signal === null
      ? `The SmartPulse engine could not be started (${engine.display}: ${e.stderrTail}). Set "${settingName}" to the smartpulse executable, or install it with: ${installCommand}`
      : wrongVersionMessage(engine, detail);
    client.kill();
    void notify(message, updateCommand);
    throw new EngineStartError(message);
  }

  if (info.protocolVersion !== expectedProtocolVersion) {
    const message = wrongVersionMessage(engine, `engine ${info.version} speaks stdio protocol ${info.protocolVersion}, this extension needs ${expectedProtocolVersion}`);
    await client.shutdown();
    void notify(message, updateCommand);
    throw new EngineStartError(message);
  }

  log.appendLine(`SmartPulse engine ${info.version} (pid ${client.pid}) ready`);
  return { client, info, engine };
}

async function notify(message: string, command: string): Promise<void> {
  const copy = 'Copy Install Command';
  const settings = `Open "${settingName}"`;
  const choice = await vscode.window.showErrorMessage(message, copy, settings);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(command);
    void vscode.window.showInformationMessage(`Copied: ${command} — run it in a terminal, then run the cell again.`);
  } else if (choice === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', settingName);
  }
}
