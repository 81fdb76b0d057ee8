// Where the xxgk-lint binary comes from. Pure logic (no `vscode` import) so it is unit-tested with node --test.
//
// Order: the `xxgkLint.serverPath` setting; else the binary bundled in the extension
// (bin/<platform>-<arch>/xxgk-lint, put there by scripts/package.sh); else `xxgk-lint` on PATH.
// A configured path that is not executable is an error (we do not silently fall back, so the user
// learns that the setting is wrong).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const BINARY_NAME = 'xxgk-lint';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ResolveInput {
  /** Value of `xxgkLint.serverPath` (may be empty or undefined). */
  configured?: string;
  /** Absolute path of the installed extension. */
  extensionPath: string;
  /** First workspace folder, used to resolve a relative configured path. */
  workspaceFolder?: string;
  /** Value of the PATH environment variable. */
  envPath?: string;
  platform?: string;
  arch?: string;
  homeDir?: string;
  /**
   * Whether the workspace is trusted (`vscode.workspace.isTrusted`); trusted when not given. In an untrusted
   * workspace a configured path that depends on the workspace (relative, or with `${workspaceFolder}`) is refused,
   * and relative PATH entries are skipped: either would run a binary the workspace's authors supplied.
   */
  workspaceTrusted?: boolean;
  /** Injected for tests; defaults to a real file-system check. */
  isExecutable?: (p: string) => boolean;
}

export type ResolveResult =
  | { ok: true; path: string; source: ServerSource; tried: string[] }
  | { ok: false; reason: 'setting-not-executable' | 'untrusted-workspace' | 'not-found'; tried: string[]; message: string };

export function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function bundledServerPath(extensionPath: string, platform: string = process.platform, arch: string = process.arch): string {
  const exe = platform === 'win32' ? `${BINARY_NAME}.exe` : BINARY_NAME;
  return path.join(extensionPath, 'bin', `${platform}-${arch}`, exe);
}

/** Whether `expandConfiguredPath` would read the workspace folder to expand `p`. */
export function dependsOnWorkspace(p: string): boolean {
  const s = p.trim();
  if (s.includes('${workspaceFolder}')) return true;
  if (s === '~' || s.startsWith('~/') || s.includes('${userHome}')) return false;
  return !path.isAbsolute(s) && (s.includes('/') || s.includes(path.sep));
}

/** Expands `~`, `${userHome}` and `${workspaceFolder}`; makes a relative path absolute against the workspace. */
export function expandConfiguredPath(p: string, workspaceFolder?: string, homeDir = os.homedir()): string {
  let s = p.trim();
  if (s === '~' || s.startsWith('~/')) s = homeDir + s.slice(1);
  s = s.replace(/\$\{userHome\}/g, homeDir);
  if (workspaceFolder) s = s.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  if (!path.isAbsolute(s) && (s.includes('/') || s.includes(path.sep)) && workspaceFolder) {
    s = path.resolve(workspaceFolder, s);
  }
  return s;
}

function searchPath(
  name: string,
  envPath: string | undefined,
  isExec: (p: string) => boolean,
  tried: string[],
  absoluteOnly: boolean,
): string | undefined {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir || (absoluteOnly && !path.isAbsolute(dir))) continue;
    const candidate = path.join(dir, name);
    tried.push(candidate);
    if (isExec(candidate)) return candidate;
  }
  return undefined;
}

export function resolveServerPath(input: ResolveInput): ResolveResult {
  const isExec = input.isExecutable ?? isExecutableFile;
  const tried: string[] = [];
  const configured = (input.configured ?? '').trim();
  const untrusted = input.workspaceTrusted === false;
  if (configured && untrusted && dependsOnWorkspace(configured)) {
    return {
      ok: false,
      reason: 'untrusted-workspace',
      tried,
      message: `工作区不受信任，不运行工作区中的程序：xxgkLint.serverPath = ${configured}。请信任此工作区或使用绝对路径。(The workspace is not trusted, so xxgkLint.serverPath, which points into it, is not run; trust the workspace or use an absolute path.)`,
    };
  }
  if (configured) {
    const expanded = expandConfiguredPath(configured, input.workspaceFolder, input.homeDir);
    if (path.isAbsolute(expanded)) {
      tried.push(expanded);
      if (isExec(expanded)) return { ok: true, path: expanded, source: 'setting', tried };
    } else {
      // a bare command name such as "xxgk-lint-dev": look it up on PATH
      const found = searchPath(expanded, input.envPath, isExec, tried, untrusted);
      if (found) return { ok: true, path: found, source: 'setting', tried };
    }
    return {
      ok: false,
      reason: 'setting-not-executable',
      tried,
      message: `xxgkLint.serverPath 指向的文件不存在或不可执行：${expanded} (the file set in xxgkLint.serverPath does not exist or is not executable)`,
    };
  }
  const bundled = bundledServerPath(input.extensionPath, input.platform, input.arch);
  tried.push(bundled);
  if (isExec(bundled)) return { ok: true, path: bundled, source: 'bundled', tried };
  const onPath = searchPath(BINARY_NAME, input.envPath, isExec, tried, untrusted);
  if (onPath) return { ok: true, path: onPath, source: 'path', tried };
  return {
    ok: false,
    reason: 'not-found',
    tried,
    message: `找不到 xxgk-lint 程序：扩展未自带，PATH 中也没有。请设置 xxgkLint.serverPath。(xxgk-lint executable not found: not bundled and not on PATH; set xxgkLint.serverPath.)`,
  };
}
