// Kernel names as .NET Interactive spells them (mirrors src/SmartPulse.Notebooks/Documents/KernelNames.cs)
// and the mapping between a cell's kernel and its VS Code language.

const aliases: Record<string, string> = {
  csharp: 'csharp', 'c#': 'csharp', cs: 'csharp',
  markdown: 'markdown', md: 'markdown',
  fsharp: 'fsharp', 'f#': 'fsharp', fs: 'fsharp',
  pwsh: 'pwsh', powershell: 'pwsh',
  javascript: 'javascript', js: 'javascript',
  html: 'html', sql: 'sql', kql: 'kql', mermaid: 'mermaid', value: 'value',
  http: 'http', python: 'python', r: 'r',
};

/** The kernels SmartPulse runs; the per-cell language picker offers exactly these (markdown as a markup cell). */
export const supportedKernels = ['csharp', 'fsharp', 'sql', 'html', 'javascript', 'mermaid', 'markdown', 'value'] as const;

/** The `dotnet_interactive.language` value Polyglot Notebooks wrote next to `polyglot_notebook.kernelName`. */
const languageNames: Record<string, string> = {
  csharp: 'csharp', fsharp: 'fsharp', sql: 'sql', html: 'html', javascript: 'javascript',
  mermaid: 'mermaid', markdown: 'markdown', value: 'value', pwsh: 'pwsh', kql: 'kql',
};

/** VS Code language ids for kernels whose id differs from the kernel name. */
const languageIds: Record<string, string> = { value: 'smartpulse-value', pwsh: 'powershell', python: 'python', r: 'r', kql: 'kusto', http: 'http' };

export function isKnownKernel(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(aliases, name.toLowerCase());
}

/** `c#` → `csharp`, `md` → `markdown`; .NET Interactive's language names (`C#`, `F#`, `PowerShell`) too; unknown names lower-cased. */
export function normalizeKernel(name: string): string {
  const trimmed = name.trim();
  return aliases[trimmed.toLowerCase()] ?? trimmed.toLowerCase();
}

export function isSupportedKernel(kernel: string): boolean {
  return (supportedKernels as readonly string[]).includes(kernel);
}

export function kernelToLanguageId(kernel: string): string {
  return languageIds[kernel] ?? kernel;
}

/** The kernel a VS Code language id stands for, or undefined for a language SmartPulse cannot run. */
export function languageIdToKernel(languageId: string): string | undefined {
  for (const [kernel, id] of Object.entries(languageIds)) {
    if (id === languageId) {
      return kernel;
    }
  }
  return isKnownKernel(languageId) ? normalizeKernel(languageId) : undefined;
}

/** The languages a SmartPulse cell may have (the controller's supportedLanguages). */
export const supportedLanguageIds: string[] = supportedKernels.map(kernelToLanguageId);

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/**
 * The kernel named by a cell's .ipynb metadata (`polyglot_notebook.kernelName`, then
 * `dotnet_interactive.language`), or undefined. VS Code's ipynb serializer nests the file's cell
 * metadata under `metadata`; both shapes are read.
 */
export function kernelFromCellMetadata(cellMetadata: Json | undefined): string | undefined {
  const own = asObject(cellMetadata?.metadata) ?? cellMetadata;
  const polyglot = asObject(own?.polyglot_notebook)?.kernelName;
  if (typeof polyglot === 'string' && polyglot.length > 0) {
    return normalizeKernel(polyglot);
  }
  const legacy = asObject(own?.dotnet_interactive)?.language;
  return typeof legacy === 'string' && legacy.length > 0 ? normalizeKernel(legacy) : undefined;
}

/** A first line `#!name` naming a kernel (the form Jupyter front ends use), or undefined. */
export function kernelFromFirstLine(source: string): string | undefined {
  const first = source.split('\n', 1)[0].trim();
  return /^#![^\s]+$/.test(first) && isKnownKernel(first.slice(2)) ? normalizeKernel(first.slice(2)) : undefined;
}

/**
 * Cell metadata with the kernel stored exactly as Polyglot Notebooks stored it: both
 * `polyglot_notebook.kernelName` and `dotnet_interactive.language`. `nested` puts them under
 * `metadata` (VS Code's ipynb cell shape). Other keys are kept.
 */
export function withKernel(cellMetadata: Json | undefined, kernel: string, nested: boolean): Json {
  const copy: Json = JSON.parse(JSON.stringify(cellMetadata ?? {}));
  const target: Json = nested ? (asObject(copy.metadata) ?? {}) : copy;
  target.polyglot_notebook = { ...(asObject(target.polyglot_notebook) ?? {}), kernelName: kernel };
  target.dotnet_interactive = { ...(asObject(target.dotnet_interactive) ?? {}), language: languageNames[kernel] ?? kernel };
  if (nested) {
    copy.metadata = target;
  }
  return copy;
}
