// UI tests in a real VS Code: code-server (npm, 4.100.3 on Node 20) + headless Debian chromium
// driven by puppeteer-core. Installs the packaged .vsix offline, opens a copy of
// notebooks/01-mall-kmeans.ipynb (outputs cleared) and .dib files, runs all cells through the UI,
// and asserts outputs (tables, text, a drawn plot) with no error cells. Screenshots go to
// artifacts/vscode-ui/screenshots. Stops code-server and chromium (by PID) whatever happens.
//
// Environment: SMARTPULSE_DLL (the built smartpulse.dll; default the Debug build),
// CHROMIUM (default /usr/bin/chromium). Prints "N passed, N failed" and exits non-zero on failure.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, '../..');
const repo = path.resolve(extensionDir, '..');
const work = path.join(repo, 'artifacts', 'vscode-ui');
const shots = path.join(work, 'screenshots');
const workspace = path.join(work, 'workspace');
const dll = process.env.SMARTPULSE_DLL || path.join(repo, 'src/SmartPulse.Cli/bin/Debug/net10.0/smartpulse.dll');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const codeServer = path.join(here, 'node_modules/.bin/code-server');
const vsix = path.join(extensionDir, 'dist/smartpulse-notebooks.vsix');

const results = [];
let currentPage;
const cleanups = [];
const log = (...a) => console.log('[ui]', ...a);

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    log(`FAIL ${name}: ${e.stack ?? e}`);
    const file = path.join(shots, `failed-${results.length}.png`);
    await currentPage?.screenshot({ path: file }).then(() => log(`screenshot: ${file}`)).catch(() => undefined);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, fn, timeoutMs, everyMs = 1000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

function prepare() {
  for (const [what, file] of [['code-server', codeServer], ['the .vsix (npm run package)', vsix], ['the engine (dotnet build src/SmartPulse.Cli)', dll], ['chromium', chromium]]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${what}: ${file}`);
  }
  fs.rmSync(work, { recursive: true, force: true });
  for (const d of ['user-data/User', 'extensions', 'workspace', 'screenshots']) fs.mkdirSync(path.join(work, d), { recursive: true });
  const notebook = JSON.parse(fs.readFileSync(path.join(repo, 'notebooks/01-mall-kmeans.ipynb'), 'utf8'));
  for (const cell of notebook.cells) {
    if (cell.cell_type === 'code') { cell.outputs = []; cell.execution_count = null; }
  }
  fs.writeFileSync(path.join(workspace, '01-mall-kmeans.ipynb'), JSON.stringify(notebook, null, 1) + '\n');
  for (const f of fs.readdirSync(path.join(here, 'fixtures'))) fs.copyFileSync(path.join(here, 'fixtures', f), path.join(workspace, f));
  fs.writeFileSync(path.join(work, 'user-data/User/settings.json'), JSON.stringify({
    'smartpulse.enginePath': dll,
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'notebook.output.scrolling': false,
    'notebook.output.textLineLimit': 200,
    'files.autoSave': 'off',
    'window.commandCenter': false,
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
  }, null, 2));
}

async function startCodeServer() {
  const config = ['--config', path.join(work, 'code-server.yaml')];
  execFileSync(codeServer, [...config, '--extensions-dir', path.join(work, 'extensions'), '--user-data-dir', path.join(work, 'user-data'), '--install-extension', vsix], { stdio: 'inherit' });
  const port = await freePort();
  const out = fs.openSync(path.join(work, 'code-server.log'), 'w');
  const child = spawn(codeServer, [...config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--extensions-dir', path.join(work, 'extensions'),
    '--user-data-dir', path.join(work, 'user-data'), workspace], { detached: true, stdio: ['ignore', out, out], env: { ...process.env, SMARTPULSE_TEST: '1' } });
  cleanups.push(() => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } });
  log(`code-server pid ${child.pid} on port ${port}`);
  await until('code-server to answer', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 120000);
  return port;
}

async function command(page, name) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { visible: true });
  await page.keyboard.type(name);
  await sleep(800);
  await page.keyboard.press('Enter');
  await sleep(500);
}

async function openFile(page, name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await command(page, 'Go to File');
  await page.keyboard.type(name);
  await sleep(1500);
  await page.keyboard.press('Enter');
  await until(`${name} open in the notebook editor`, () => page.evaluate((n) => {
    const editor = [...document.querySelectorAll('.notebookOverlay')].find((e) => e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none');
    // A leading '● ' marks a dirty editor: opening an .ipynb with SQL cells sets their language, which VS Code's ipynb serializer counts as an edit.
    return document.title.replace(/^● /, '').startsWith(n) && !!editor && editor.querySelectorAll('.monaco-list-row').length > 0;
  }, name), 60000, 500);
  await sleep(2000);
}

/** Scrolls the visible notebook by wheel (the cell list is virtualised: outputs render when scrolled into view). */
async function scrollNotebook(page, deltaY) {
  const box = await page.evaluate(() => {
    const list = [...document.querySelectorAll('.notebookOverlay .cell-list-container')].find((e) => e.getBoundingClientRect().width > 0 && getComputedStyle(e.closest('.notebookOverlay')).visibility !== 'hidden' && getComputedStyle(e.closest('.notebookOverlay')).display !== 'none');
    const r = list?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : undefined;
  });
  if (!box) return;
  await page.mouse.move(box.x, box.y);
  await page.mouse.wheel({ deltaY });
}

/** Finds an element in any frame (notebook outputs live in nested webview iframes). */
async function inFrames(page, selector) {
  for (const frame of page.frames()) {
    try {
      const count = await frame.evaluate((s) => document.querySelectorAll(s).length, selector);
      if (count > 0) return { frame, count };
    } catch { /* detached */ }
  }
  return undefined;
}

async function runAll(page) {
  await command(page, 'Notebook: Run All');
  // First run: pick the kernel if VS Code asks (SmartPulse is the only controller here).
  await sleep(1500);
  const picker = await page.$('.quick-input-widget:not([style*="display: none"]) .quick-input-list .monaco-list-row');
  if (picker) {
    const label = await page.evaluate(() => document.querySelector('.quick-input-widget .quick-input-list')?.textContent ?? '');
    log(`kernel picker: ${label.slice(0, 120)}`);
    await page.keyboard.press('Enter');
  }
}

async function main() {
  prepare();
  const port = await startCodeServer();
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true, defaultViewport: { width: 1600, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1600,1000'],
  });
  cleanups.push(() => { try { process.kill(browser.process().pid, 'SIGKILL'); } catch { /* gone */ } });
  const page = await browser.newPage();
  currentPage = page;
  page.on('pageerror', (e) => fs.appendFileSync(path.join(work, 'browser.log'), `pageerror ${e.message}\n`));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
  await sleep(5000);

  await check('.ipynb: 01-mall-kmeans runs all cells through the UI with tables, text and a drawn plot, no error cells', async () => {
    const file = path.join(workspace, '01-mall-kmeans.ipynb');
    await openFile(page, '01-mall-kmeans.ipynb');
    await page.screenshot({ path: path.join(shots, 'ipynb-opened.png') });
    await runAll(page);
    const saved = await until('every code cell of 01-mall-kmeans to run (polled by saving)', async () => {
      await page.keyboard.down('Control'); await page.keyboard.press('s'); await page.keyboard.up('Control');
      await sleep(1500);
      const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
      const code = nb.cells.filter((c) => c.cell_type === 'code');
      const errors = code.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'error');
      if (errors.length > 0) throw Object.assign(new Error(`error output: ${errors[0].ename}: ${errors[0].evalue}`), { fatal: true });
      return code.every((c) => c.execution_count !== null && c.execution_count !== undefined) ? nb : undefined;
    }, 15 * 60000, 5000).catch(async (e) => { await page.screenshot({ path: path.join(shots, 'ipynb-failed.png') }); throw e; });
    await page.screenshot({ path: path.join(shots, 'ipynb-ran.png') });
    const outputs = saved.cells.filter((c) => c.cell_type === 'code').flatMap((c) => c.outputs);
    const text = (v) => (Array.isArray(v) ? v.join('') : String(v ?? ''));
    assert(outputs.filter((o) => o.output_type === 'error').length === 0, 'no error outputs');
    assert(outputs.some((o) => text(o.data?.['text/html']).includes('<table')), 'at least one table (text/html with <table>)');
    assert(outputs.some((o) => o.output_type === 'stream' || o.data?.['text/plain']), 'text output');
    assert(outputs.some((o) => o.data?.['application/vnd.plotly.v1+json']), 'a Plotly figure');
    const codeCells = saved.cells.filter((c) => c.cell_type === 'code');
    assert(codeCells.every((c) => ['csharp', 'sql'].includes(c.metadata?.polyglot_notebook?.kernelName) && c.metadata?.dotnet_interactive?.language === c.metadata?.polyglot_notebook?.kernelName), 'kernel metadata kept as Polyglot Notebooks stored it');
    const sqlCells = codeCells.filter((c) => c.metadata?.polyglot_notebook?.kernelName === 'sql');
    assert(sqlCells.length >= 2 && sqlCells.every((c) => c.outputs.some((o) => text(o.data?.['text/html']).includes('<table'))), 'the SQL cells ran on the sql kernel and show tables');
    // A drawn plot: scroll through the notebook until the offline Plotly renderer has drawn an SVG.
    const drawn = await until('a Plotly chart drawn by the extension renderer', async () => {
      const hit = await inFrames(page, '.smartpulse-plotly .main-svg');
      if (!hit) await scrollNotebook(page, 700);
      return hit;
    }, 180000, 1500);
    assert(drawn.count > 0, 'a drawn plot');
    await sleep(1500);
    await page.screenshot({ path: path.join(shots, 'ipynb-plot.png') });
  });

  await check('.dib: opens, runs all cells (markdown, C#, SQL, F#, Mermaid: tables, text, plot, diagram), no error cells', async () => {
    await openFile(page, 'polyglot.dib');
    await runAll(page);
    const states = await until('every .dib code cell to finish', async () => {
      const s = await page.evaluate(() => ({
        ok: document.querySelectorAll('.notebook-editor .codicon-notebook-state-success').length,
        error: document.querySelectorAll('.notebook-editor .codicon-notebook-state-error').length,
        running: document.querySelectorAll('.notebook-editor .codicon-notebook-state-executing, .notebook-editor .codicon-notebook-state-pending').length,
      }));
      if (s.error > 0) throw Object.assign(new Error(`${s.error} error cell(s)`), { fatal: true });
      // The cell list is virtualised: only cells in view are counted; the later cells are checked by their outputs below.
      return s.ok >= 3 && s.running === 0 ? s : undefined;
    }, 10 * 60000, 2000).catch(async (e) => { await page.screenshot({ path: path.join(shots, 'dib-failed.png') }); throw e; });
    assert(states.error === 0, 'no error cells');
    const table = await until('the describe() table', () => inFrames(page, 'table'), 60000);
    assert(table.count > 0, 'a table');
    const plot = await until('the histogram drawn', () => inFrames(page, '.smartpulse-plotly .main-svg'), 60000);
    assert(plot.count > 0, 'a drawn plot');
    const rows = await until('the printed row count', async () => {
      for (const frame of page.frames()) {
        const found = await frame.evaluate(() => document.body?.innerText.includes('rows: 200')).catch(() => false);
        if (found) return true;
      }
      return false;
    }, 30000);
    assert(rows, 'stdout text');
    // Non-C# cells ran on their own kernels: the SQL query's column, F# output, the Mermaid diagram drawn.
    const inText = async (needle) => {
      for (const frame of page.frames()) {
        const found = await frame.evaluate((n) => document.body?.innerText.includes(n), needle).catch(() => false);
        if (found) return true;
      }
      return false;
    };
    // Outputs render as their cells scroll into view: scroll down until each appears; an error cell on the way fails.
    const scrolledTo = (label, probe) => until(label, async () => {
      if (await page.evaluate(() => document.querySelectorAll('.notebook-editor .codicon-notebook-state-error').length) > 0) {
        throw Object.assign(new Error('an error cell'), { fatal: true });
      }
      const hit = await probe();
      if (!hit) await scrollNotebook(page, 500);
      return hit;
    }, 180000, 1500);
    assert(await scrolledTo('the SQL result table (mean_age)', () => inText('mean_age')), 'SQL table');
    assert(await scrolledTo('the F# output', () => inText('F# mean spending: 42.0')), 'F# text');
    const diagram = await scrolledTo('the Mermaid diagram drawn', () => inFrames(page, '.smartpulse-mermaid svg'));
    assert(diagram.count > 0, 'a drawn Mermaid diagram');
    await sleep(1500);
    await page.screenshot({ path: path.join(shots, 'dib-ran.png') });
    // The variables view lists #!who of each kernel holding variables: mall (C#, a DataFrame), spending (F#).
    await command(page, 'SmartPulse: Refresh Variables');
    await command(page, 'Explorer: Focus on SmartPulse Variables View');
    const variables = await until('mall in the SmartPulse Variables view', () => page.evaluate(() => {
      const view = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').includes('SmartPulse Variables'));
      const text = view?.querySelector('.pane-body')?.textContent ?? '';
      return text.includes('#!csharp') && text.includes('mall') && text.includes('DataFrame') && text.includes('#!fsharp') && text.includes('spending') ? text : undefined;
    }), 60000, 1000);
    assert(variables, 'variables view');
    await scrollNotebook(page, 520);
    await sleep(2000);
    await page.screenshot({ path: path.join(shots, 'dib-variables.png') });
  });

  await check('.dib with unknown kernel names opens with those cells marked', async () => {
    await openFile(page, 'unknown-kernels.dib');
    const marks = await until('the unknown-kernel marks', async () => {
      const texts = await page.evaluate(() => [...document.querySelectorAll('.notebook-editor .cell-status-item')].map((e) => e.textContent ?? ''));
      const unknown = texts.filter((t) => t.includes('unknown kernel'));
      return unknown.length >= 2 ? unknown : undefined;
    }, 60000);
    assert(marks.some((t) => t.includes('"pwsh"')) && marks.some((t) => t.includes('"sql-adventureworks"')), `marks: ${marks.join(' | ')}`);
    await page.screenshot({ path: path.join(shots, 'dib-unknown-kernels.png') });
  });

  await check('a kernel crash is shown in the cell and a restart is offered', async () => {
    await openFile(page, 'crash.dib');
    await runAll(page);
    const toast = await until('the crash notification', () => page.evaluate(() => {
      const t = [...document.querySelectorAll('.notifications-toasts .notification-toast')].find((e) => (e.textContent ?? '').includes('crashed'));
      return t ? t.textContent : undefined;
    }), 120000);
    assert(toast.includes('Restart Kernel'), `restart offered: ${toast}`);
    const shown = await until('KernelCrashed in the cell output', async () => {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (text.includes('KernelCrashed') && text.includes('exit code 3')) return true;
      }
      return false;
    }, 30000);
    assert(shown, 'crash in the cell');
    await page.screenshot({ path: path.join(shots, 'crash.png') });
    await page.evaluate(() => {
      const t = [...document.querySelectorAll('.notifications-toasts .notification-toast')].find((e) => (e.textContent ?? '').includes('crashed'));
      [...(t?.querySelectorAll('a.monaco-button, .monaco-button') ?? [])].find((b) => (b.textContent ?? '').includes('Restart Kernel'))?.click();
    });
    // The restarted kernel is empty: the variables view shows #!csharp with no variables.
    await command(page, 'Explorer: Focus on SmartPulse Variables View');
    const fresh = await until('the restarted kernel in the variables view', () => page.evaluate(() => {
      const view = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').includes('SmartPulse Variables'));
      const text = view?.querySelector('.pane-body')?.textContent ?? '';
      return text.includes('#!csharp') && text.includes('0 variables') ? text : undefined;
    }), 120000, 1000);
    assert(fresh, 'restarted');
  });

  await check('engine missing: a notification names the setting and the install command', async () => {
    // A workspace setting (overrides the user setting that points at the built engine).
    const folderSettings = path.join(workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(folderSettings), { recursive: true });
    fs.writeFileSync(folderSettings, JSON.stringify({ 'smartpulse.enginePath': '/nonexistent/smartpulse' }, null, 2));
    try {
      await sleep(5000);
      await openFile(page, 'no-engine.dib');
      await runAll(page);
      const toast = await until('the engine-not-found notification', () => page.evaluate(() => {
        const t = [...document.querySelectorAll('.notifications-toasts .notification-toast')].find((e) => (e.textContent ?? '').includes('/nonexistent/smartpulse'));
        return t ? t.textContent : undefined;
      }), 60000);
      assert(toast.includes('smartpulse.enginePath') && toast.includes('dotnet tool install --global SmartPulse.Cli --prerelease'), `notification: ${toast}`);
      await page.screenshot({ path: path.join(shots, 'engine-missing.png') });
    } finally {
      fs.rmSync(path.dirname(folderSettings), { recursive: true, force: true });
    }
  });

  await browser.close().catch(() => undefined);
}

try {
  await main();
} catch (e) {
  results.push({ name: 'setup', ok: false, error: e });
  log(`FAIL setup: ${e.stack ?? e}`);
} finally {
  for (const c of cleanups.reverse()) c();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
