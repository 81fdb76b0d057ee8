// Which documents the extension hands to the language server. Pure data (no `vscode` import) so that a unit test
// can hold it against package.json's activation events.
//
// Reports in plain text or Markdown, saved or not, are linted as text (with fixes). Published web pages
// (`.html`/`.htm`) are read by the server's HTML reader: diagnostics at the page's own source positions, no fixes.
// A page is selected by language id and, for a file the user mapped to another language (a template language, say),
// by its extension; the server reads either as a page (it looks at the language id and the file's extension).

/** One entry of a LanguageClient document selector (the shape of vscode.DocumentFilter). */
export interface DocumentFilter {
  scheme: 'file' | 'untitled';
  language?: string;
  pattern?: string;
}

/** Languages whose documents the server lints as report text. */
export const TEXT_LANGUAGES = ['plaintext', 'markdown'] as const;
/** The language id VS Code gives `.html` and `.htm` files. */
export const PAGE_LANGUAGE = 'html';
/** Published pages by file name, whatever language the editor gave them. */
export const PAGE_PATTERN = '**/*.{html,htm,HTML,HTM}';

export const DOCUMENT_SELECTOR: readonly DocumentFilter[] = [
  ...TEXT_LANGUAGES.flatMap((language) => [
    { scheme: 'file' as const, language },
    { scheme: 'untitled' as const, language },
  ]),
  { scheme: 'file', language: PAGE_LANGUAGE },
  { scheme: 'file', pattern: PAGE_PATTERN },
];

/** Every language the selector names: each needs an `onLanguage:` activation event. */
export function selectedLanguages(selector: readonly DocumentFilter[] = DOCUMENT_SELECTOR): string[] {
  return [...new Set(selector.flatMap((f) => (f.language ? [f.language] : [])))];
}
