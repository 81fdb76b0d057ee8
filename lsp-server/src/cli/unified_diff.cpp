#include "cli/unified_diff.h"

#include <algorithm>
#include <vector>

namespace xxgk::cli {

namespace {

constexpr size_t kContext = 3;

// Lines with their newline, so that a changed line ending is a changed line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = std::min(text.find('\n', begin), text.size() - 1) + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

enum class Op { Keep, Remove, Add };

// Beyond this many changed lines the shortest script is not searched for: the differing middle becomes one
// replacement (a fix of every line of a huge file), which keeps time and memory bounded.
constexpr long kMaxSearchedEdits = 4000;

// Myers' O((N+M)·D) shortest edit script of a[first_a..n) against b[first_b..m): fixes change few lines of long
// reports, so D is small. Each round's furthest points are kept (O(D²)) to walk the path back.
bool shortest_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, long first,
                     long n, long m, std::vector<Op>& script) {
  const long size_a = n - first;
  const long size_b = m - first;
  const long max = std::min(size_a + size_b, kMaxSearchedEdits);
  const long offset = max + 1;
  std::vector<long> v(2 * max + 3, 0);
  std::vector<std::vector<long>> trace;  // trace[d][k + d + 1]: v before round d, diagonals -(d+1)..d+1
  bool reached = false;
  for (long d = 0; d <= max && !reached; ++d) {
    trace.emplace_back(v.begin() + offset - d - 1, v.begin() + offset + d + 2);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                              : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < size_a && y < size_b && a[first + x] == b[first + y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= size_a && y >= size_b) {
        reached = true;
        break;
      }
    }
  }
  if (!reached) return false;
  std::vector<Op> reversed;
  long x = size_a;
  long y = size_b;
  for (long d = static_cast<long>(trace.size()) - 1; d > 0; --d) {
    const std::vector<long>& previous = trace[d];
    auto at = [&](long k) { return previous[k + d + 1]; };
    const long k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const long previous_k = down ? k + 1 : k - 1;
    const long previous_x = at(previous_k);
    const long previous_y = previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      reversed.push_back(Op::Keep);
      --x, --y;
    }
    reversed.push_back(down ? Op::Add : Op::Remove);
    x = previous_x;
    y = previous_y;
  }
  for (; x > 0; --x) reversed.push_back(Op::Keep);  // the common start, before the first change
  script.insert(script.end(), reversed.rbegin(), reversed.rend());
  return true;
}

std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size());
  const long m = static_cast<long>(b.size());
  long prefix = 0;
  while (prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
  long suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) ++suffix;
  std::vector<Op> script(prefix, Op::Keep);
  if (!shortest_script(a, b, prefix, n - suffix, m - suffix, script)) {
    script.insert(script.end(), n - suffix - prefix, Op::Remove);
    script.insert(script.end(), m - suffix - prefix, Op::Add);
  }
  script.insert(script.end(), suffix, Op::Keep);
  return script;
}

void append_line(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

// "-start,count" in a hunk header: an empty range names the line before it.
std::string range_text(size_t start, size_t count) {
  return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? "" : "," + std::to_string(count));
}

}  // namespace

std::string unified_diff(std::string_view name, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const std::vector<std::string_view> a = split_lines(before);
  const std::vector<std::string_view> b = split_lines(after);
  const std::vector<Op> script = edit_script(a, b);

  std::string out = "--- a/" + std::string(name) + "\n+++ b/" + std::string(name) + "\n";
  size_t i = 0;  // position in script
  size_t line_a = 0;
  size_t line_b = 0;
  while (i < script.size()) {
    if (script[i] == Op::Keep) {
      ++i, ++line_a, ++line_b;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines after the last change that is no more than
    // 2·kContext kept lines away from the previous one.
    const size_t lead = std::min({kContext, line_a, line_b});
    size_t end = i;
    size_t kept_run = 0;
    for (size_t j = i; j < script.size(); ++j) {
      if (script[j] == Op::Keep) {
        if (++kept_run > 2 * kContext) break;
      } else {
        kept_run = 0;
        end = j + 1;
      }
    }
    const size_t trail = std::min(kContext, static_cast<size_t>(std::count(script.begin() + end,
                                                                              script.begin() + std::min(script.size(), end + kContext), Op::Keep)));
    size_t count_a = lead + trail;
    size_t count_b = lead + trail;
    for (size_t j = i; j < end; ++j) {
      if (script[j] != Op::Add) ++count_a;
      if (script[j] != Op::Remove) ++count_b;
    }
    out += "@@ -" + range_text(line_a - lead, count_a) + " +" + range_text(line_b - lead, count_b) + " @@\n";
    for (size_t k = line_a - lead; k < line_a; ++k) append_line(out, ' ', a[k]);
    for (; i < end + trail; ++i) {
      switch (script[i]) {
        case Op::Keep: append_line(out, ' ', a[line_a]); ++line_a, ++line_b; break;
        case Op::Remove: append_line(out, '-', a[line_a]); ++line_a; break;
        case Op::Add: append_line(out, '+', b[line_b]); ++line_b; break;
      }
    }
  }
  return out;
}

}  // namespace xxgk::cli
