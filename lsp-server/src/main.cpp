// xxgk-lint: dispatches the subcommands of interface.md to the CLI (cli/) and the language server (lsp/).
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/compare_command.h"
#include "cli/info_commands.h"
#include "cli/lint_command.h"
#include "lsp/server_main.h"

namespace {

int usage_error(const std::string& message) {
  std::cerr << "xxgk-lint: " << message << "\n运行 xxgk-lint --help 查看用法 (run xxgk-lint --help for usage)\n";
  return 2;
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace xxgk::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help(std::cerr);
    return 2;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    // `help check` as `check --help`.
    if (!args.empty() && print_command_help(std::cout, args.front())) return 0;
    print_help(std::cout);
    return 0;
  }
  if (asks_for_help(args)) {
    if (!print_command_help(std::cout, command)) print_help(std::cout);
    return 0;
  }
  if (command == "--version" || command == "-V") {
    print_version(std::cout);
    return 0;
  }
  try {
    if (command == "check") return run_lint_command(parse_lint_arguments(args, false), LintCommand::Check);
    if (command == "fix") return run_lint_command(parse_lint_arguments(args, true), LintCommand::Fix);
    if (command == "compare") return run_compare_command(parse_compare_arguments(args), std::cout);
    if (command == "rules") {
      if (!args.empty()) throw UsageError("rules 不接受参数 (rules takes no arguments)");
      print_rules_table(std::cout);
      return 0;
    }
    if (command == "explain") {
      print_rule_explanation(std::cout, parse_explain_arguments(args));
      return 0;
    }
    if (command == "init") {
      print_skeleton(std::cout, parse_init_arguments(args));
      return 0;
    }
    // Editors' clients may append transport flags such as --stdio: stdio is the only transport, so they are ignored.
    if (command == "lsp") return xxgk::lsp::run_stdio_server();
  } catch (const UsageError& error) {
    return usage_error(error.what());
  }
  return usage_error("未知命令 " + command + " (unknown command " + command + ")");
}
