// Cell metadata exactly as Polyglot Notebooks stored it, in both shapes VS Code hands over.
const test = require('node:test');
const assert = require('node:assert/strict');
const k = require('../../dist/lib/kernelNames.js');

test('aliases normalise like KernelNames.cs', () => {
  assert.deepEqual(['C#', 'cs', 'F#', 'md', 'PowerShell', 'js', 'Mermaid', 'other-Kernel'].map(k.normalizeKernel),
    ['csharp', 'csharp', 'fsharp', 'markdown', 'pwsh', 'javascript', 'mermaid', 'other-kernel']);
});

test('the picker offers exactly the eight kernels, value as its own language', () => {
  assert.deepEqual([...k.supportedKernels], ['csharp', 'fsharp', 'sql', 'html', 'javascript', 'mermaid', 'markdown', 'value']);
  assert.deepEqual(k.supportedLanguageIds, ['csharp', 'fsharp', 'sql', 'html', 'javascript', 'mermaid', 'markdown', 'smartpulse-value']);
  assert.equal(k.languageIdToKernel('smartpulse-value'), 'value');
  assert.equal(k.languageIdToKernel('python'), 'python');
  assert.equal(k.languageIdToKernel('plaintext'), undefined);
});

test('withKernel writes polyglot_notebook.kernelName and dotnet_interactive.language, keeping other keys', () => {
  const ipynb = k.withKernel({ metadata: { tags: ['parameters'] }, id: 'abc' }, 'fsharp', true);
  assert.deepEqual(ipynb, { metadata: { tags: ['parameters'], polyglot_notebook: { kernelName: 'fsharp' }, dotnet_interactive: { language: 'fsharp' } }, id: 'abc' });
  const dib = k.withKernel({ dib: { directive: 'c#' } }, 'sql', false);
  assert.deepEqual(dib, { dib: { directive: 'c#' }, polyglot_notebook: { kernelName: 'sql' }, dotnet_interactive: { language: 'sql' } });
});

test('kernel read from every shape .NET Interactive wrote', () => {
  assert.equal(k.kernelFromCellMetadata({ metadata: { polyglot_notebook: { kernelName: 'sql' } } }), 'sql');
  assert.equal(k.kernelFromCellMetadata({ polyglot_notebook: { kernelName: 'mermaid' } }), 'mermaid');
  assert.equal(k.kernelFromCellMetadata({ metadata: { dotnet_interactive: { language: 'F#' } } }), 'fsharp');
  assert.equal(k.kernelFromCellMetadata({ metadata: { tags: [] } }), undefined);
  assert.equal(k.kernelFromFirstLine('#!sql\nSELECT 1'), 'sql');
  assert.equal(k.kernelFromFirstLine('#!time\n1'), undefined);
});
