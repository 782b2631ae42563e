// The stdio protocol end to end against the real engine (`smartpulse kernel --stdio`).
// SMARTPULSE_DLL names the built smartpulse.dll (the xUnit driver sets it); default: the Debug build.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { KernelClient, KernelExitedError } = require('../../dist/lib/kernelClient.js');

const dll = process.env.SMARTPULSE_DLL || path.resolve(__dirname, '../../../src/SmartPulse.Cli/bin/Debug/net10.0/smartpulse.dll');
const skip = fs.existsSync(dll) ? false : `no engine at ${dll}: build it with dotnet build src/SmartPulse.Cli (or set SMARTPULSE_DLL)`;

function run(client, code, kernelName = 'csharp') {
  const outputs = [];
  return client.execute(code, kernelName, (o, update) => outputs.push({ ...o, update })).then((result) => ({ result, outputs }));
}

test('execute streams outputs, keeps state, and lists variables', { skip, timeout: 120000 }, async () => {
  const client = new KernelClient('dotnet', [dll]);
  try {
    const info = await client.initialize();
    assert.equal(info.protocolVersion, 1);
    assert.equal(info.defaultKernelName, 'csharp');
    const first = await run(client, 'var total = 40 + 2;\nConsole.WriteLine("sum ready");\ntotal');
    assert.equal(first.result.status, 'ok');
    assert.equal(first.result.executionCount, 1);
    assert.deepEqual(first.outputs.map((o) => o.output_type), ['stream', 'execute_result']);
    assert.equal(first.outputs[0].text, 'sum ready\n');
    assert.equal(first.outputs[1].data['text/plain'], '42');
    const vars = await client.variables();
    assert.deepEqual(vars.kernels[0].variables, [{ name: 'total', type: 'Int32', value: '42' }]);
    const failed = await run(client, 'throw new InvalidOperationException("boom");');
    assert.equal(failed.result.status, 'error');
    assert.equal(failed.result.ename, 'System.InvalidOperationException');
    assert.equal(failed.outputs.filter((o) => o.output_type === 'error').length, 1);
    const completion = await client.complete('total.ToStr', 11, 'csharp');
    assert.deepEqual(completion.matches, ['ToString']);
    const hover = await client.inspect('Math.Max(1, ', 12, 'csharp');
    assert.ok(hover.found && hover.data['text/plain'].includes('Math.Max(int val1, int val2)'));
  } finally {
    await client.shutdown();
  }
});

test('SQL and Mermaid cells run on their own kernels (no #! line needed) and SQL results show in the variables', { skip, timeout: 120000 }, async () => {
  const client = new KernelClient('dotnet', [dll]);
  try {
    await client.initialize();
    const sql = await run(client, "#!sql --name bands\nSELECT band, COUNT(*) AS n FROM (VALUES ('young'), ('old'), ('young')) t(band) GROUP BY band ORDER BY band", 'sql');
    assert.equal(sql.result.status, 'ok');
    assert.equal(sql.outputs.length, 1);
    assert.match(sql.outputs[0].data['text/html'], /<td>old<\/td><td>1<\/td>.*<td>young<\/td><td>2<\/td>/s);
    const diagram = await run(client, 'graph LR\n  a --> b', 'mermaid');
    assert.equal(diagram.result.status, 'ok');
    assert.equal(diagram.result.executionCount, 2);
    assert.match(diagram.outputs[0].data['text/vnd.mermaid'], /a --> b/);
    const vars = await client.variables();
    const sqlKernel = vars.kernels.find((k) => k.name === 'sql');
    assert.deepEqual(sqlKernel.variables, [{ name: 'bands', type: 'DataFrame', value: '2 rows × 2 columns' }]);
    assert.deepEqual(vars.kernels.find((k) => k.name === 'csharp').variables, []);
  } finally {
    await client.shutdown();
  }
});

test('Console.Clear() in a cell sends clearOutput between the outputs it separates', { skip, timeout: 120000 }, async () => {
  const client = new KernelClient('dotnet', [dll]);
  try {
    await client.initialize();
    const events = [];
    const result = await client.execute('Console.WriteLine("before");\nConsole.Clear();\nConsole.WriteLine("after");', 'csharp',
      (o) => events.push(o.text), undefined, (wait) => events.push(`clear(${wait})`));
    assert.equal(result.status, 'ok');
    assert.deepEqual(events, ['before\n', 'clear(false)', 'after\n']);
  } finally {
    await client.shutdown();
  }
});

test('interrupt stops an endless loop and the session goes on', { skip, timeout: 120000 }, async () => {
  const client = new KernelClient('dotnet', [dll]);
  try {
    await client.initialize();
    await run(client, 'var kept = 7;');
    const looping = run(client, 'while (true) { }');
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal((await client.interrupt()).interrupted, true);
    const { result } = await looping;
    assert.equal(result.status, 'cancelled');
    const after = await run(client, 'kept * 6');
    assert.equal(after.outputs[0].data['text/plain'], '42');
  } finally {
    await client.shutdown();
  }
});

test('a crash rejects the running cell with KernelExitedError carrying the exit code', { skip, timeout: 120000 }, async () => {
  const client = new KernelClient('dotnet', [dll]);
  await client.initialize();
  await assert.rejects(run(client, 'Environment.Exit(3);'), (e) => e instanceof KernelExitedError && e.code === 3);
  assert.equal(client.hasExited, true);
  await assert.rejects(client.variables(), KernelExitedError);
});

test('an engine without --stdio exits at once and the client reports it', { timeout: 30000 }, async () => {
  const client = new KernelClient(process.execPath, ['-e', 'console.error("Unrecognized command or argument \'--stdio\'."); process.exit(1)', '--']);
  await assert.rejects(client.initialize(), (e) => e instanceof KernelExitedError && e.code === 1 && /--stdio/.test(e.stderrTail));
});
