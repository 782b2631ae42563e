// Engine discovery order: setting, PATH, local tool manifest, dotnet tools folder; messages name the setting and the install command.
const test = require('node:test');
const assert = require('node:assert/strict');
const { findEngine, EngineNotFoundError, installCommand } = require('../../dist/lib/toolDiscovery.js');

function env(files, overrides = {}) {
  return { setting: '', extraArgs: [], env: { PATH: '/usr/bin:/opt/sp' }, platform: 'linux', homedir: '/home/u', workspaceFolders: [],
    exists: (f) => files.includes(f), readText: (f) => (overrides.texts ?? {})[f], ...overrides };
}

test('the setting wins; a .dll is started with dotnet', () => {
  const found = findEngine(env(['/opt/sp/smartpulse', '/b/smartpulse.dll'], { setting: '/b/smartpulse.dll' }));
  assert.deepEqual([found.command, found.args, found.source], ['dotnet', ['/b/smartpulse.dll'], 'setting']);
});

test('a setting pointing nowhere is an error naming the setting and the install command', () => {
  assert.throws(() => findEngine(env(['/opt/sp/smartpulse'], { setting: '/nope/smartpulse' })),
    (e) => e instanceof EngineNotFoundError && e.message.includes('smartpulse.enginePath') && e.message.includes('/nope/smartpulse') && e.message.includes(installCommand));
});

test('then PATH, then a local tool manifest, then ~/.dotnet/tools', () => {
  assert.equal(findEngine(env(['/opt/sp/smartpulse', '/home/u/.dotnet/tools/smartpulse'])).source, 'PATH');
  const local = findEngine(env(['/home/u/.dotnet/tools/smartpulse'], { workspaceFolders: ['/ws'], texts: { '/ws/.config/dotnet-tools.json': '{"tools":{"smartpulse.cli":{"commands":["smartpulse"]}}}' } }));
  assert.deepEqual([local.command, local.args], ['dotnet', ['tool', 'run', 'smartpulse', '--']]);
  const tools = findEngine(env(['/home/u/.dotnet/tools/smartpulse']));
  assert.deepEqual([tools.command, tools.source], ['/home/u/.dotnet/tools/smartpulse', 'dotnet tools']);
});

test('nothing found: the message says where it looked and gives the exact install command', () => {
  assert.throws(() => findEngine(env([])), (e) => e.message.includes('dotnet tool install --global SmartPulse.Cli --prerelease') && e.message.includes('/home/u/.dotnet/tools') && e.message.includes('smartpulse.enginePath'));
});
