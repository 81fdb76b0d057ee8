#include "lsp/workspace.h"

#include <atomic>

#include "xxgk/source_reader.h"

namespace xxgk::lsp {

namespace {

// Documents are linted when they are plain text or Markdown: by language id ("text" is Neovim's name for
// plaintext), or by file extension when the client maps such a file to some other language.
bool is_lintable_language(std::string_view language, const std::optional<std::filesystem::path>& path) {
  if (language == "plaintext" || language == "text" || language == "markdown") return true;
  if (!path) return false;
  const std::string extension = path->extension().string();
  return extension == ".txt" || extension == ".md" || extension == ".markdown";
}

// Web pages are linted through the core's HTML reader: diagnostics only, at the page's source positions (no fixes,
// and none of the features that read the text as a report).
bool is_web_page(std::string_view language, const std::optional<std::filesystem::path>& path) {
  return language == "html" || (path && source_format_of(path->string()) == SourceFormat::Html);
}

// The counter behind WorkspaceDocument::generation, shared by every workspace in the process (tests run several).
uint64_t next_generation() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}

}  // namespace

void WorkspaceDocument::update_lint() {
  if (linted_generation == generation) return;
  web_page = is_web_page(language, path);
  if (web_page) {
    linted = !suspect && !policy.ignored;
    diagnostics = linted ? lint_page(document.text(), policy.options, !policy.lint_all_documents)
                         : std::vector<Diagnostic>{};
  } else {
    linted = !suspect && !policy.ignored && is_lintable_language(language, path) &&
             (policy.lint_all_documents || document.looks_like_report());
    diagnostics = linted ? document.lint(policy.options) : std::vector<Diagnostic>{};
  }
  cross_summary.reset();
  if (linted && !web_page) cross_summary = summarize_for_cross_document(uri, report(), policy.options);
  linted_generation = generation;
}

std::string WorkspaceDocument::fix_all_text() const {
  return fix_all(document.text(), policy.options, FixMode::SafeOnly).text;
}

std::shared_ptr<WorkspaceDocument> Workspace::open(const std::string& uri, std::string language, int64_t version,
                                                   std::string text) {
  auto document = std::make_shared<WorkspaceDocument>(uri, std::move(text));
  document->language = std::move(language);
  document->version = version;
  document->path = uri_to_path(uri);
  refresh_policy(*document);
  if (const auto previous = documents_.find(uri); previous != documents_.end()) {
    std::lock_guard lock(previous->second->mutex);
    previous->second->closed = true;
  }
  documents_[uri] = document;
  return document;
}

std::shared_ptr<WorkspaceDocument> Workspace::find(const std::string& uri) const {
  const auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : found->second;
}

void Workspace::change(WorkspaceDocument& document, int64_t version, std::vector<DocumentChange> changes,
                       PositionEncoding encoding) {
  std::lock_guard lock(document.mutex);
  for (DocumentChange& change : changes) {
    if (!change.range) {
      document.wire.forget();
      document.document.set_text(std::move(change.text));
      document.suspect = false;  // the client sent its whole buffer: in sync again
      continue;
    }
    const LineIndex& lines = document.document.lines();
    ByteRange bytes{lines.offset(change.range->start, encoding), lines.offset(change.range->end, encoding)};
    const bool in_bounds = position_in_bounds(lines, change.range->start) &&
                           position_in_bounds(lines, change.range->end) && bytes.begin <= bytes.end;
    if (!in_bounds) {
      // The client and the server disagree about the text. The edit is applied clamped so that later edits still
      // land near their place, but the buffer is suspect until the client's whole text replaces it.
      notify_({MessageType::Warning, document.uri + ": edit for version " + std::to_string(version) +
                                         " is out of bounds; applied clamped, resynchronising at the next save"});
      if (!document.suspect) {
        notify_({MessageType::Warning,
                 "xxgk-lint: 文档内容与编辑器不同步，保存后重新检查 (out of sync with the editor; checking resumes "
                 "when the document is saved)",
                 true});
      }
      document.suspect = true;
      if (bytes.begin > bytes.end) std::swap(bytes.begin, bytes.end);
    }
    document.wire.before_edit(lines, bytes, change.text.size());
    document.document.replace(bytes, change.text);
  }
  if (version <= document.version) {
    notify_({MessageType::Warning, document.uri + ": version " + std::to_string(version) + " follows version " +
                                       std::to_string(document.version)});
  }
  document.version = version;
  document.generation = next_generation();
}

bool Workspace::save(WorkspaceDocument& document, const std::optional<std::string>& text) {
  std::lock_guard lock(document.mutex);
  if (!text) {
    if (document.suspect) notify_({MessageType::Warning, document.uri + ": saved without text; still out of sync"});
    return false;
  }
  const bool differs = *text != document.document.text();
  if (differs) {
    notify_({MessageType::Warning, document.uri + ": buffer differed from the saved text; resynchronised"});
    document.wire.forget();
    document.document.set_text(*text);
  }
  if (!differs && !document.suspect) return false;
  document.suspect = false;
  document.generation = next_generation();
  return true;
}

void Workspace::close(WorkspaceDocument& document) {
  {
    std::lock_guard lock(document.mutex);
    document.closed = true;
  }
  documents_.erase(document.uri);
}

void Workspace::configuration_changed() {
  reported_config_errors_.clear();
  for (auto& [uri, document] : documents_) {
    std::lock_guard lock(document->mutex);
    refresh_policy(*document);
  }
}

void Workspace::refresh_policy(WorkspaceDocument& document) {
  document.policy = document_policy(document.path, root_, settings_);
  document.generation = next_generation();
  const std::string& error = document.policy.config_error;
  if (!error.empty() && reported_config_errors_.insert(error).second) {
    notify_({MessageType::Error, error});
    notify_({MessageType::Error, "xxgk-lint: 配置文件无效，使用默认设置 (invalid config, using defaults): " + error, true});
  }
}

}  // namespace xxgk::lsp
