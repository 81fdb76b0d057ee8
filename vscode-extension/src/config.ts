// VS Code settings (section `xxgkLint`) -> the object the language server receives through
// `workspace/configuration` and `workspace/didChangeConfiguration`. Pure logic, unit-tested.

export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const AGENCY_KINDS = ['auto', 'department', 'government'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** What the server gets. Keys mirror `.xxgk-lint.json` where they overlap (agencyKind, rules). */
export interface ServerSettings {
  enable: boolean;
  agencyKind: AgencyKind;
  rules: Record<string, Severity>;
  lintAllDocuments: boolean;
}

export interface MappedSettings {
  settings: ServerSettings;
  /** Human-readable notes about values that were ignored. */
  warnings: string[];
}

const RULE_ID = /^[SWTACswtac]\d{3}$/;

/** `get(key)` reads one key below `xxgkLint` (e.g. `get('rules')`), as WorkspaceConfiguration.get does. */
export function toServerSettings(get: (key: string) => unknown): MappedSettings {
  const warnings: string[] = [];
  const enable = get('enable');
  const kindRaw = get('agencyKind');
  let agencyKind: AgencyKind = 'auto';
  if (typeof kindRaw === 'string' && (AGENCY_KINDS as readonly string[]).includes(kindRaw.trim().toLowerCase())) {
    agencyKind = kindRaw.trim().toLowerCase() as AgencyKind;
  } else if (kindRaw !== undefined && kindRaw !== null && kindRaw !== '') {
    warnings.push(`xxgkLint.agencyKind: 无效值 ${JSON.stringify(kindRaw)}，使用 auto (invalid value, using auto)`);
  }
  const rules: Record<string, Severity> = {};
  const rulesRaw = get('rules');
  if (rulesRaw !== undefined && rulesRaw !== null) {
    if (typeof rulesRaw !== 'object' || Array.isArray(rulesRaw)) {
      warnings.push('xxgkLint.rules: 应为对象 (must be an object)');
    } else {
      for (const [id, sev] of Object.entries(rulesRaw as Record<string, unknown>)) {
        const key = id.trim().toUpperCase();
        const value = typeof sev === 'string' ? sev.trim().toLowerCase() : sev;
        if (!RULE_ID.test(key)) {
          warnings.push(`xxgkLint.rules: 无效的规则编号 ${JSON.stringify(id)} (invalid rule id)`);
        } else if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) {
          warnings.push(`xxgkLint.rules.${key}: 无效的级别 ${JSON.stringify(sev)} (invalid severity; use off|info|warning|error)`);
        } else {
          rules[key] = value as Severity;
        }
      }
    }
  }
  const lintAll = get('lintAllDocuments');
  return {
    settings: {
      enable: enable === undefined ? true : enable === true,
      agencyKind,
      rules,
      lintAllDocuments: lintAll === true,
    },
    warnings,
  };
}

/** Settings whose change needs the client restarted (or stopped) rather than a notification. */
export const RESTART_KEYS = ['xxgkLint.enable', 'xxgkLint.serverPath'] as const;
