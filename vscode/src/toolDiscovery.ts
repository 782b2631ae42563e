// Finds the `smartpulse` engine: the `smartpulse.enginePath` setting, then PATH, then the dotnet
// tool locations (a local tool manifest, then ~/.dotnet/tools). Pure Node, so unit tests can drive it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const settingName = 'smartpulse.enginePath';
export const installCommand = 'dotnet tool install --global SmartPulse.Cli --prerelease';
export const updateCommand = 'dotnet tool update --global SmartPulse.Cli --prerelease';

export interface EngineCommand {
  command: string;
  args: string[];
  /** How it was found: setting, PATH, tool manifest or dotnet tools folder. */
  source: 'setting' | 'PATH' | 'local tool' | 'dotnet tools';
  /** What to show the user (a path). */
  display: string;
}

export class EngineNotFoundError extends Error {
  constructor(message: string) {
    super(message);
  }
}

export interface DiscoveryEnvironment {
  setting?: string;
  extraArgs?: string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homedir: string;
  workspaceFolders: string[];
  exists(file: string): boolean;
  readText(file: string): string | undefined;
}

export function defaultEnvironment(setting: string | undefined, extraArgs: string[], workspaceFolders: string[]): DiscoveryEnvironment {
  return {
    setting, extraArgs, env: process.env, platform: process.platform, homedir: os.homedir(), workspaceFolders,
    exists: (f) => { try { return fs.statSync(f).isFile(); } catch { return false; } },
    readText: (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return undefined; } },
  };
}

function fromPath(file: string, extra: string[], source: EngineCommand['source']): EngineCommand {
  return file.toLowerCase().endsWith('.dll')
    ? { command: 'dotnet', args: [file, ...extra], source, display: file }
    : { command: file, args: [...extra], source, display: file };
}

export function findEngine(e: DiscoveryEnvironment): EngineCommand {
  const extra = e.extraArgs ?? [];
  const exe = e.platform === 'win32' ? 'smartpulse.exe' : 'smartpulse';
  const setting = e.setting?.trim();
  if (setting) {
    const resolved = setting.startsWith('~') ? path.join(e.homedir, setting.slice(1)) : setting;
    if (!e.exists(resolved)) {
      throw new EngineNotFoundError(`The SmartPulse engine set in "${settingName}" was not found: ${resolved} does not exist. Fix the setting (the smartpulse executable or a built smartpulse.dll), or clear it and install the engine: ${installCommand}`);
    }
    return fromPath(resolved, extra, 'setting');
  }

  const separator = e.platform === 'win32' ? ';' : ':';
  for (const dir of (e.env.PATH ?? e.env.Path ?? '').split(separator)) {
    if (dir && e.exists(path.join(dir, exe))) return fromPath(path.join(dir, exe), extra, 'PATH');
  }

  for (const folder of e.workspaceFolders) {
    const manifest = e.readText(path.join(folder, '.config', 'dotnet-tools.json'));
    if (manifest && /"smartpulse\.cli"/i.test(manifest)) {
      return { command: 'dotnet', args: ['tool', 'run', 'smartpulse', '--', ...extra], source: 'local tool', display: `dotnet tool run smartpulse (${folder})` };
    }
  }

  const toolDirs = [e.env.DOTNET_TOOLS_PATH, path.join(e.homedir, '.dotnet', 'tools')].filter((d): d is string => !!d);
  for (const dir of toolDirs) {
    if (e.exists(path.join(dir, exe))) return fromPath(path.join(dir, exe), extra, 'dotnet tools');
  }

  throw new EngineNotFoundError(`The SmartPulse engine (smartpulse) was not found: "${settingName}" is empty, it is not on PATH, and not in ${toolDirs.join(' or ')}. Install it with: ${installCommand} — or set "${settingName}" to the smartpulse executable.`);
}

/** The message for an engine that answered but is not the version this extension speaks to. */
export function wrongVersionMessage(engine: EngineCommand, detail: string): string {
  return `The SmartPulse engine at ${engine.display} cannot serve this extension (${detail}). Update it with: ${updateCommand} — or point "${settingName}" at a newer smartpulse.`;
}
