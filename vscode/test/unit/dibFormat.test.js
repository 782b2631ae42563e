// .dib parsing and writing, with the same expectations as tests/SmartPulse.Notebooks.Tests for DibFormat.cs.
const test = require('node:test');
const assert = require('node:assert/strict');
const { readDib, writeDib, DibFormatError } = require('../../dist/lib/dibFormat.js');

test('canonical file round-trips byte for byte, keeping each alias', () => {
  const text = '#!meta\n\n{"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp","aliases":["c#"]},{"name":"sql-db","aliases":[]}]}}\n\n'
    + '#!markdown\n\n# Title\n\n#!c#\n\nvar x = 1;\n#!time\nx\n\n#!sql-db\n\nSELECT 1\n\n#!fsharp\n\nlet y = 2\n';
  const doc = readDib(text);
  assert.equal(doc.cells.length, 4);
  assert.deepEqual(doc.cells.map((c) => [c.kind, c.kernel, c.directive]), [
    ['markdown', 'markdown', 'markdown'], ['code', 'csharp', 'c#'], ['code', 'sql-db', 'sql-db'], ['code', 'fsharp', 'fsharp']]);
  assert.equal(doc.cells[1].source, 'var x = 1;\n#!time\nx', 'magic commands stay inside their cell');
  assert.equal(writeDib(doc), text);
});

test('text before the first kernel line is a cell of the default kernel; CRLF is read', () => {
  const doc = readDib('Console.WriteLine(1);\r\n\r\n#!md\r\n\r\nhello\r\n');
  assert.deepEqual(doc.cells.map((c) => [c.kind, c.kernel, c.source]), [['code', 'csharp', 'Console.WriteLine(1);'], ['markdown', 'markdown', 'hello']]);
  assert.equal(writeDib(doc), '#!csharp\n\nConsole.WriteLine(1);\n\n#!md\n\nhello\n');
});

test('unknown #! lines are not cell boundaries unless #!meta declares the kernel', () => {
  const doc = readDib('#!csharp\n\n1\n#!mykernel\n2\n');
  assert.equal(doc.cells.length, 1);
  assert.equal(doc.cells[0].source, '1\n#!mykernel\n2');
});

test('known kernels SmartPulse cannot run (pwsh) keep their cells', () => {
  const doc = readDib('#!pwsh\n\nGet-Date\n\n#!powershell\n\nls\n');
  assert.deepEqual(doc.cells.map((c) => [c.kernel, c.directive]), [['pwsh', 'pwsh'], ['pwsh', 'powershell']]);
});

test('a broken #!meta names the line and the fix', () => {
  assert.throws(() => readDib('#!meta\n\n{"kernelInfo":\n\n#!csharp\n\n1\n'), (e) => e instanceof DibFormatError && /line 1/.test(e.message) && /Fix the JSON/.test(e.message));
});

test('an empty cell is written as its kernel line alone', () => {
  assert.equal(writeDib({ defaultKernel: 'csharp', cells: [{ kind: 'code', kernel: 'csharp', source: '' }, { kind: 'code', kernel: 'sql', source: 'SELECT 1\n\n' }] }), '#!csharp\n\n#!sql\n\nSELECT 1\n');
});

test('a directive that no longer matches the kernel is replaced by the kernel name', () => {
  assert.equal(writeDib({ defaultKernel: 'csharp', cells: [{ kind: 'code', kernel: 'fsharp', source: 'let x = 1', directive: 'c#' }] }), '#!fsharp\n\nlet x = 1\n');
});
