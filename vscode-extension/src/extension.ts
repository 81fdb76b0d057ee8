// VS Code client for the xxgk-lint language server (`xxgk-lint lsp`, stdio).
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { RESTART_KEYS, toServerSettings } from './config';
import { DOCUMENT_SELECTOR } from './documents';
import { resolveServerPath } from './serverPath';

const SECTION = 'xxgkLint';
const FIX_ALL_KIND = 'source.fixAll.xxgk-lint';
const DIAGNOSTIC_SOURCE = 'xxgk-lint';
const MAX_RESTARTS = 2;
const OPEN_SETTINGS = '打开设置 (Open Settings)';
const SHOW_OUTPUT = '显示输出 (Show output)';

type ServerState = 'starting' | 'running' | 'stopped' | 'error';

/** A client that never pops up notifications of its own: failures go to the output channel, and the
 *  extension shows at most one notification per start attempt (reportFailure). */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    super.error(message, data, false);
  }
}

let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let client: QuietLanguageClient | undefined;
let state: ServerState = 'stopped';
let stateDetail = '';
let failureShown = false;
let extensionPath = '';
let lifecycle: Promise<void> = Promise.resolve();
let lastSettingsWarnings = '';

function log(message: string): void {
  output.appendLine(`[${new Date().toLocaleTimeString()}] ${message}`);
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function serverSettings(scope?: vscode.Uri) {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const mapped = toServerSettings((key) => cfg.get(key));
  const warnings = mapped.warnings.join('\n');
  if (warnings && warnings !== lastSettingsWarnings) log(warnings); // once per distinct set, not on every pull
  lastSettingsWarnings = warnings;
  return mapped.settings;
}

function resolveServer() {
  return resolveServerPath({
    configured: config().get<string>('serverPath'),
    extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    envPath: process.env.PATH,
    workspaceTrusted: vscode.workspace.isTrusted,
  });
}

// ---------------------------------------------------------------------------------------------
// Status bar

function errorCount(): number {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return 0;
  return vscode.languages
    .getDiagnostics(doc.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error).length;
}

function updateStatus(): void {
  const labels: Record<ServerState, string> = {
    starting: '正在启动 (starting)',
    running: '运行中 (running)',
    stopped: '已停止 (stopped)',
    error: '出错 (error)',
  };
  const icons: Record<ServerState, string> = {
    starting: '$(sync~spin)',
    running: '$(check)',
    stopped: '$(circle-slash)',
    error: '$(warning)',
  };
  const n = state === 'running' ? errorCount() : 0;
  statusItem.text = state === 'running' && n > 0 ? `$(error) xxgk-lint ${n}` : `${icons[state]} xxgk-lint`;
  const lines = [`xxgk-lint: ${labels[state]}`];
  if (state === 'running') lines.push(`当前文档错误 ${n} 个 (${n} error${n === 1 ? '' : 's'} in the active document)`);
  if (stateDetail) lines.push(stateDetail);
  lines.push('点击显示输出 (click to show output)');
  statusItem.tooltip = lines.join('\n');
  statusItem.backgroundColor =
    state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.show();
}

function setState(s: ServerState, detail = ''): void {
  state = s;
  stateDetail = detail;
  updateStatus();
}

// ---------------------------------------------------------------------------------------------
// Failures: one notification per (re)start attempt, with a button to the setting.

function reportFailure(message: string): void {
  log(`错误 (error): ${message}`);
  setState('error', message);
  if (failureShown) return;
  failureShown = true;
  void vscode.window.showErrorMessage(`xxgk-lint: ${message}`, OPEN_SETTINGS, SHOW_OUTPUT).then((choice) => {
    if (choice === OPEN_SETTINGS) {
      void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.serverPath`);
    } else if (choice === SHOW_OUTPUT) {
      output.show(true);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Client lifecycle

function createClient(serverPath: string): QuietLanguageClient {
  const serverOptions: ServerOptions = {
    command: serverPath,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const restarts: number[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: serverSettings(),
    connectionOptions: { maxRestartCount: MAX_RESTARTS },
    initializationFailedHandler: (error) => {
      reportFailure(`语言服务器初始化失败 (server initialization failed): ${String((error as Error)?.message ?? error)}`);
      return false;
    },
    errorHandler: {
      error: (_error, _message, count) =>
        count !== undefined && count <= 3
          ? { action: ErrorAction.Continue, handled: true }
          : { action: ErrorAction.Shutdown, handled: true },
      closed: () => {
        const now = Date.now();
        restarts.push(now);
        while (restarts.length > 0 && now - restarts[0] > 3 * 60 * 1000) restarts.shift();
        if (restarts.length <= MAX_RESTARTS) {
          log('语言服务器已退出，正在重启 (server exited; restarting)');
          setState('starting');
          return { action: CloseAction.Restart, handled: true };
        }
        reportFailure(
          `语言服务器在 3 分钟内崩溃 ${restarts.length} 次，已停止 (the server crashed ${restarts.length} times in 3 minutes and was stopped)`,
        );
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    middleware: {
      workspace: {
        // The server pulls section `xxgkLint`; hand it the validated, normalised object.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) =>
            item.section === SECTION
              ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : result[i],
          );
        },
      },
    },
  };
  const c = new QuietLanguageClient(SECTION, 'xxgk-lint', serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      setState('running', `${serverPath}`);
    } else if (e.newState === State.Starting) {
      setState('starting');
    } else if (e.newState === State.Stopped && state !== 'error') {
      setState('stopped');
    }
  });
  return c;
}

async function doStop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (e) {
      log(`停止服务失败 (stopping the server failed): ${String(e)}`);
    }
    await c.dispose().catch(() => undefined);
  }
  if (state !== 'error') setState('stopped');
}

async function doStart(): Promise<void> {
  if (!config().get<boolean>('enable', true)) {
    log('xxgkLint.enable = false：不启动语言服务器 (server disabled)');
    setState('stopped', 'xxgkLint.enable = false');
    return;
  }
  const resolved = resolveServer();
  if (!resolved.ok) {
    log(`已尝试 (tried): ${resolved.tried.join(', ') || '-'}`);
    reportFailure(resolved.message);
    return;
  }
  log(`启动语言服务器 (starting server): ${resolved.path} lsp  [${resolved.source}]`);
  setState('starting');
  const c = createClient(resolved.path);
  client = c;
  try {
    await c.start();
  } catch (e) {
    if (client === c) {
      reportFailure(`无法启动语言服务器 (could not start the server): ${String((e as Error)?.message ?? e)}`);
    }
  }
}

function enqueue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

function restart(): Promise<void> {
  return enqueue(async () => {
    failureShown = false;
    await doStop();
    setState('stopped');
    await doStart();
  });
}

// ---------------------------------------------------------------------------------------------
// Commands

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('xxgk-lint: 没有打开的文档 (no active document)');
    return;
  }
  const doc = editor.document;
  const fullRange = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      fullRange,
      FIX_ALL_KIND,
      10,
    )) ?? [];
  let applied = 0;
  for (const action of actions) {
    if (typeof (action as vscode.Command).command === 'string') {
      // a bare Command (not a CodeAction)
      const cmd = action as vscode.Command;
      await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
      applied++;
      continue;
    }
    const ca = action as vscode.CodeAction;
    if (ca.kind && !vscode.CodeActionKind.SourceFixAll.append('xxgk-lint').contains(ca.kind)) continue;
    if (ca.edit && ca.edit.size > 0 && (await vscode.workspace.applyEdit(ca.edit))) applied++;
    if (ca.command) {
      await vscode.commands.executeCommand(ca.command.command, ...(ca.command.arguments ?? []));
      applied++;
    }
  }
  if (applied === 0) {
    void vscode.window.showInformationMessage('xxgk-lint: 没有可自动修复的问题 (nothing to fix)');
  }
}

function runInit(serverPath: string, agency: string, year: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      serverPath,
      ['init', '--agency', agency, '--year', year],
      { timeout: 15000, maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}${stderr ? `\n${stderr}` : ''}`));
        else resolve(stdout);
      },
    );
  });
}

async function insertSkeleton(): Promise<void> {
  const agency = await vscode.window.showInputBox({
    title: 'xxgk-lint: 插入报告模板 (Insert report skeleton)',
    prompt: '机关名称 (Agency name)',
    placeHolder: '例如：××市××局',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : '请输入机关名称 (enter the agency name)'),
  });
  if (agency === undefined) return;
  const defaultYear = String(new Date().getFullYear() - 1);
  const year = await vscode.window.showInputBox({
    title: 'xxgk-lint: 插入报告模板 (Insert report skeleton)',
    prompt: '报告年度 (Reporting year)',
    value: defaultYear,
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d{4}$/.test(v.trim()) ? undefined : '请输入四位年份 (enter a four-digit year)'),
  });
  if (year === undefined) return;
  const resolved = resolveServer();
  if (!resolved.ok) {
    failureShown = false;
    reportFailure(resolved.message);
    return;
  }
  let text: string;
  try {
    text = await runInit(resolved.path, agency.trim(), year.trim());
  } catch (e) {
    log(`xxgk-lint init 失败 (failed): ${String((e as Error).message)}`);
    void vscode.window.showErrorMessage(`xxgk-lint init 失败 (failed): ${String((e as Error).message).split('\n')[0]}`, SHOW_OUTPUT)
      .then((c) => c && output.show(true));
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    await editor.edit((b) => b.insert(editor.selection.active, text));
  } else {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
    await vscode.window.showTextDocument(doc);
  }
}

// ---------------------------------------------------------------------------------------------

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('xxgk-lint');
  statusItem = vscode.window.createStatusBarItem('xxgkLint.status', vscode.StatusBarAlignment.Left, 0);
  statusItem.name = 'xxgk-lint';
  statusItem.command = 'xxgkLint.showOutput';
  context.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand('xxgkLint.fixAll', fixAll),
    vscode.commands.registerCommand('xxgkLint.insertSkeleton', insertSkeleton),
    vscode.commands.registerCommand('xxgkLint.restart', () => restart()),
    vscode.commands.registerCommand('xxgkLint.showOutput', () => output.show(true)),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    // A serverPath refused while the workspace was untrusted may be used once the user trusts it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log('工作区已受信任，重启服务 (workspace trusted; restarting the server)');
      void restart();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      if (RESTART_KEYS.some((k) => e.affectsConfiguration(k))) {
        log('设置已更改，重启服务 (settings changed; restarting the server)');
        void restart();
        return;
      }
      const c = client;
      if (c && c.isRunning()) {
        void c
          .sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: serverSettings() } })
          .catch((err) => log(`didChangeConfiguration: ${String(err)}`));
      }
    }),
  );
  setState('stopped');
  // not awaited: activation must not wait for the server's initialize
  void enqueue(doStart);
}

export async function deactivate(): Promise<void> {
  await enqueue(doStop);
}
