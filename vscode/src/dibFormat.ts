// The .dib format, with the semantics of src/SmartPulse.Notebooks/Documents/DibFormat.cs:
// an optional `#!meta` section holding one JSON line, then cells each introduced by a kernel line
// (`#!csharp`, `#!c#`, `#!markdown`, `#!md`, ... or a kernel declared in #!meta's kernelInfo).
// Text before the first kernel line belongs to a cell of the default kernel. Magic commands
// (`#!time`, `#!who`) are not kernel names and stay inside their cell. No outputs are stored.
// Sections are separated by one blank line and cell text is trimmed of leading and trailing blank
// lines, so write(read(text)) === text for any file in that canonical shape, keeping each
// cell's alias.
import { isKnownKernel, normalizeKernel } from './kernelNames';

export interface DibCell {
  kind: 'code' | 'markdown';
  /** Canonical kernel name (`csharp`, `markdown`, `pwsh`, or a declared kernel such as `sql-adventureworks`). */
  kernel: string;
  source: string;
  /** The kernel line as written (`c#`, `md`, ...); undefined for text before the first kernel line. */
  directive?: string;
}

export interface DibDocument {
  /** The `#!meta` JSON's `kernelInfo` (or undefined). */
  kernelInfo?: Record<string, unknown>;
  defaultKernel: string;
  cells: DibCell[];
}

export class DibFormatError extends Error {}

function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end).join('\n');
}

export function readDib(text: string): DibDocument {
  const doc: DibDocument = { defaultKernel: 'csharp', cells: [] };
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const extraKernels = new Set<string>();
  let directive: string | undefined;
  let buffer: string[] = [];
  let lineNumber = 0;
  let sectionStart = 1;

  const flush = () => {
    const body = trimBlankLines(buffer);
    buffer = [];
    if (directive === undefined && body.length === 0) return;
    if (directive === 'meta') {
      readMeta(doc, body, extraKernels, sectionStart);
      return;
    }
    const kernel = normalizeKernel(directive ?? doc.defaultKernel);
    doc.cells.push({ kind: kernel === 'markdown' ? 'markdown' : 'code', kernel, source: body, directive });
  };

  for (const line of lines) {
    lineNumber++;
    if (line.startsWith('#!') && line.length > 2 && !line.includes(' ')) {
      const name = line.slice(2).trimEnd();
      if (name === 'meta' || isKnownKernel(name) || extraKernels.has(name.toLowerCase())) {
        flush();
        directive = name;
        sectionStart = lineNumber;
        continue;
      }
    }
    buffer.push(line);
  }
  flush();
  return doc;
}

function readMeta(doc: DibDocument, body: string, extraKernels: Set<string>, line: number): void {
  if (body.length === 0) return;
  let meta: unknown;
  try {
    meta = JSON.parse(body);
  } catch (e) {
    throw new DibFormatError(`invalid #!meta section at line ${line} of the .dib file: ${(e as Error).message}. Fix the JSON or delete the #!meta section.`);
  }
  const kernelInfo = (meta as Record<string, unknown> | null)?.kernelInfo;
  if (kernelInfo === null || typeof kernelInfo !== 'object' || Array.isArray(kernelInfo)) return;
  const info = kernelInfo as Record<string, unknown>;
  doc.kernelInfo = info;
  if (typeof info.defaultKernelName === 'string') doc.defaultKernel = normalizeKernel(info.defaultKernelName);
  if (Array.isArray(info.items)) {
    for (const item of info.items as Array<Record<string, unknown>>) {
      if (typeof item?.name === 'string') extraKernels.add(item.name.toLowerCase());
      if (Array.isArray(item?.aliases)) {
        for (const alias of item.aliases) {
          if (typeof alias === 'string') extraKernels.add(alias.replace(/^[#!]+/, '').toLowerCase());
        }
      }
    }
  }
}

export function writeDib(doc: DibDocument): string {
  const sections: string[] = [];
  if (doc.kernelInfo) {
    sections.push('#!meta\n\n' + JSON.stringify({ kernelInfo: doc.kernelInfo }));
  }
  for (const cell of doc.cells) {
    const directive = cell.directive !== undefined && normalizeKernel(cell.directive) === cell.kernel
      ? cell.directive
      : cell.kind === 'code' ? cell.kernel : 'markdown';
    const source = cell.source.replace(/\n+$/, '');
    sections.push(source.length === 0 ? `#!${directive}` : `#!${directive}\n\n${source}`);
  }
  return sections.join('\n\n') + '\n';
}
