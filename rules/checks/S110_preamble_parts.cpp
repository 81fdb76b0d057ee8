// S110 preamble-parts: the preamble's enumeration of the report's parts disagrees with the six headings.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <utility>

#include "xxgk/analysis.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S110",
    .slug = "preamble-parts",
    .title_zh = "前言所列报告组成与标题不符",
    .title_en = "The preamble's list of parts disagrees with the headings",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "前言列举报告组成部分时（“本报告由总体情况、……六部分组成”“全文包括……”“内容包括：……等六个部分”"
        "“本报告共分6个部分：……”），检查所说的部分数和所列各部分名称是否与格式规定的六个部分一致：数目不符"
        "（如称“六部分”只列了五个）、名称与标题不同（如“主动公开政府信息公开情况”“其他需要汇报的事项”，"
        "以及 2021 年以前格式的名称“行政机关收到和处理政府信息公开申请情况”“因政府信息公开工作被申请行政复议、"
        "提起行政诉讼情况”）、顺序颠倒，都会报告。以“全文包括”等引出、却列的是总体情况的分项（主动公开、依申请"
        "公开……）而不是六个部分时，也报告一次。\n\n"
        "各项之间可用顿号、逗号或分号分隔，最后一项前可用“和”“及”“以及”；名称前加“政府信息公开”"
        "（“政府信息公开总体情况”）或年度（“2022年总体情况”），第四部分中以“和”“及”代替顿号，都不算不符。"
        "其他名称中改字（如“存在的主要问题和改进情况”）仍算不符。前言中其他列举（“主动公开了工作动态、政策文件"
        "等”）不在检查之列：所列各项至少有两项是报告的部分，或以“全文包括”“本报告由”等引出并以“部分”“组成”"
        "“等内容”“等方面”收尾，才视为列举组成部分。前言写在“一、总体情况”之下时，检查该部分的第一段。\n\n"
        "列举各部分不是格式的要求，但既然列了，就应与正文一致（format-2021.md 2.2 第 5 项）；前后不一是"
        "照抄往年或他人报告后未核对的常见痕迹。\n\n"
        "修复：按六个部分的标题改写前言中的列举，或删去这句话。",
    .doc_en =
        "When the preamble enumerates the report's parts (\"本报告由总体情况、……六部分组成\", \"全文包括……\", "
        "\"内容包括：……等六个部分\", \"本报告共分6个部分：……\"), checks that the count and the names agree with the "
        "six prescribed sections: a wrong count (\"六部分\" with five listed), a name that differs from the heading "
        "(\"主动公开政府信息公开情况\", \"其他需要汇报的事项\", and the pre-2021 names \"行政机关收到和处理政府信息公开申请"
        "情况\", \"因政府信息公开工作被申请行政复议、提起行政诉讼情况\") or parts out of order are reported. A list "
        "introduced as the report's contents (\"全文包括\") that names the overview's topics (主动公开, 依申请公开, …) "
        "instead of the six parts is reported once.\n\n"
        "Items may be separated by 、, commas or semicolons, with 和, 及 or 以及 before the last; a name prefixed with "
        "政府信息公开 (\"政府信息公开总体情况\") or the year (\"2022年总体情况\"), and 和 or 及 for the comma inside "
        "heading 四, are accepted. Other changed characters (\"存在的主要问题和改进情况\") still differ. Other lists in the "
        "preamble (\"主动公开了工作动态、政策文件等\") are not checked: a list counts as the parts when at least two of its "
        "items are sections, or when it is introduced as the report's contents (\"全文包括\", \"本报告由\") and closed "
        "with 部分, 组成, 等内容 or 等方面. When the preamble stands under heading 一, that section's first paragraph is "
        "checked.\n\n"
        "The enumeration is not required by the format, but when present it must match the body (format-2021.md 2.2 "
        "item 5); a mismatch is a common trace of a report copied from another year or body without checking.\n\n"
        "Fix: rewrite the enumeration after the six headings, or drop the sentence.",
    .bad = "本报告由总体情况、主动公开政府信息公开情况、收到和处理政府信息公开申请情况、"
           "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况等六部分组成。",
    .good = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。",
};

constexpr std::string_view kEnumerationComma = "、";
// Words that open the list of parts ("本报告由…组成", "全文包括…", "内容包括：…"); "部分：" opens a list after its
// count ("本报告共分6个部分：…").
constexpr std::string_view kOpeners[] = {"由", "包括", "包含", "分为"};
constexpr std::string_view kCountedOpeners[] = {"部分：", "部分:"};
// Words that end the list: "…等六部分组成", "…组成", "…等六部分内容", "…等内容", "…等方面".
constexpr std::string_view kListEnds[] = {"部分", "组成", "等内容", "等方面"};
// Words before the opener that make the list the report's own contents ("全文包括…", "报告内容包括…"): such a list
// is checked even when none of its items names a section.
constexpr std::string_view kReportSubjects[] = {"全文", "报告", "年报"};
// What separates the items: the enumeration comma, the comma and semicolon of both widths, and the joining words
// ("…改进情况和其他需要报告的事项", "…改进情况,以及其他需要报告的事项"). Longest first: 以及 before 及.
constexpr std::string_view kSeparators[] = {"以及", "、", "，", ",", "；", ";", "及", "和", "与"};
// Words dropped from a name before it is compared with the variants: the joining words inside a heading's wording
// ("行政复议和行政诉讼", "行政复议或提起行政诉讼").
constexpr std::string_view kJoiners[] = {"、", "和", "及", "与", "或"};
// What may stand for the enumeration comma inside the canonical heading 四 ("行政复议和行政诉讼情况").
constexpr std::string_view kCommaStandIns[] = {"和", "及", "与", ""};
// Qualifiers a name may carry and still be the heading's wording ("政府信息公开总体情况").
constexpr std::string_view kQualifiers[] = {"", "政府信息公开", "政府信息公开工作", "政府信息公开的"};
// The subject of the pre-2021 names ("行政机关主动公开政府信息情况"): the section is named, but not as headed.
constexpr std::string_view kOldSubject = "行政机关";

// A character of three bytes as one number, to compare it with the joiners at once.
constexpr uint32_t three_bytes(std::string_view c) {
  return uint32_t{static_cast<unsigned char>(c[0])} << 16 | uint32_t{static_cast<unsigned char>(c[1])} << 8 |
         static_cast<unsigned char>(c[2]);
}

// `text` without its joining words. Read a character at a time (the texts are normalised labels, valid UTF-8), and
// copied a run at a time between the joiners.
std::string without_joiners(std::string_view text) {
  static constexpr auto kJoinerBytes = [] {
    std::array<uint32_t, std::size(kJoiners)> bytes{};
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = three_bytes(kJoiners[i]);
    return bytes;
  }();
  static_assert(std::all_of(std::begin(kJoiners), std::end(kJoiners), [](std::string_view j) { return j.size() == 3; }));
  std::string kept;
  kept.reserve(text.size());
  size_t copied = 0;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = std::min<size_t>(text.size() - i, lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4);
    const bool joiner = length == 3 && std::find(kJoinerBytes.begin(), kJoinerBytes.end(),
                                                 three_bytes(text.substr(i, 3))) != kJoinerBytes.end();
    if (joiner) {
      kept.append(text.substr(copied, i - copied));
      copied = i + length;
    }
    i += length;
  }
  kept.append(text.substr(std::min(copied, text.size())));
  return kept;
}

// A name's year prefix ("2022年总体情况", "2025年度总体情况", "本年度政府信息公开的总体情况"), removed.
std::string_view without_year(std::string_view name) {
  size_t digits = 0;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  if (digits == 4 && name.substr(digits).starts_with("年")) name.remove_prefix(digits);
  for (std::string_view prefix : {"本年度", "本年", "年度", "年"})
    if (name.starts_with(prefix)) return name.substr(prefix.size());
  return name;
}

// A listed part, with the section it names.
struct Part {
  ByteRange range;
  int section = 0;       // 0: names no section
  bool canonical = false;  // named as the heading is
};

// The enumeration sentence: "由/包括 A、B、…(等)N(个)部分".
struct Enumeration {
  ByteRange list;   // A、B、…
  ByteRange count;  // the number before 部分, empty when there is none
  int stated = 0;
  bool of_report = false;   // introduced as the report's contents ("全文包括", "本报告由", "N部分")
  bool terminated = false;  // closed by 部分, 组成, 等内容 or 等方面 (not merely by the sentence's end)
  std::vector<Part> parts;
};

// Reads the number written just before `end` ("六", "6", "６"); returns its start, or `end` when there is none.
size_t number_before(std::string_view text, size_t end, int& value) {
  static constexpr std::string_view kNumerals = "一二三四五六七八九十";  // 3 bytes each in UTF-8
  constexpr size_t kWide = 3;                                           // bytes of a CJK or full-width character
  const auto ascii_digit = [&](size_t at) { return std::isdigit(static_cast<unsigned char>(text[at - 1])) != 0; };
  const auto wide_digit = [&](size_t at) {
    if (at < kWide) return false;
    const std::string_view character = text.substr(at - kWide, kWide);
    const size_t numeral = kNumerals.find(character);
    const bool fullwidth = character.starts_with("\xEF\xBC") && static_cast<unsigned char>(character[2]) >= 0x90 &&
                           static_cast<unsigned char>(character[2]) <= 0x99;  // U+FF10..U+FF19
    return (numeral != std::string_view::npos && numeral % kWide == 0) || fullwidth;
  };
  size_t begin = end;
  while (begin > 0) {
    if (ascii_digit(begin))
      --begin;
    else if (wide_digit(begin))
      begin -= kWide;
    else
      break;
  }
  const std::string number = normalize_label(text.substr(begin, end - begin));
  const bool arabic = !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  value = number.empty() || number.size() > 3 ? 0 : arabic ? std::stoi(number) : chinese_numeral_value(number);
  return value > 0 ? begin : end;
}

// `end` moved back over any of `words` written just before it.
size_t strip_before(std::string_view text, size_t begin, size_t end, std::initializer_list<std::string_view> words) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view word : words)
      if (end >= begin + word.size() && text.substr(end - word.size(), word.size()) == word) {
        end -= word.size();
        stripped = true;
      }
  }
  return end;
}

// The first of `words` in text[from, to), as its position and length; npos when none is.
std::pair<size_t, size_t> first_of(std::string_view text, size_t from, size_t to,
                                   std::span<const std::string_view> words) {
  std::pair<size_t, size_t> first{std::string_view::npos, 0};
  for (std::string_view word : words) {
    const size_t at = text::find_word(text.substr(0, to), word, from);
    if (at != std::string_view::npos && at < first.first) first = {at, word.size()};
  }
  return first;
}

// The count written before `end` ("等六部分", "共六个部分", "六大部分", "等6部分"): sets it on `enumeration` and
// returns where the words before the list's end begin.
size_t read_count(std::string_view text, size_t begin, size_t end, Enumeration& enumeration) {
  end = strip_before(text, begin, end, {"个", "大"});
  const size_t count_begin = number_before(text, end, enumeration.stated);
  if (enumeration.stated > 0) enumeration.count = {count_begin, end};
  return count_begin;
}

// The enumeration in the sentence text[begin, end), if it has one.
std::optional<Enumeration> enumeration_in(std::string_view text, size_t begin, size_t end) {
  const auto skip_spaces_and_colon = [&](size_t at) {
    for (bool skipped = true; skipped;) {
      skipped = false;
      for (std::string_view mark : {"：", ":", " ", "\u3000"})
        if (text.substr(at, mark.size()) == mark && at + mark.size() <= end) {
          at += mark.size();
          skipped = true;
        }
    }
    return at;
  };
  Enumeration enumeration;
  size_t list_begin = std::string_view::npos, list_end = end;
  const auto [tail, tail_size] = first_of(text, begin, end, kListEnds);
  // A counted opener ("部分：") begins with a list end ("部分"): it can only stand where the first list end does.
  const auto counted = tail == std::string_view::npos ? std::pair{tail, size_t{0}} : first_of(text, tail, end, kCountedOpeners);
  if (counted.first != std::string_view::npos && counted.first == tail) {
    // "共分6个部分：A、B、…": the count before, the list after.
    read_count(text, begin, counted.first, enumeration);
    list_begin = skip_spaces_and_colon(counted.first + counted.second);
    const auto next = first_of(text, list_begin, end, kListEnds);
    list_end = next.first == std::string_view::npos ? end : next.first;
    enumeration.of_report = enumeration.terminated = true;
  } else {
    const size_t limit = tail == std::string_view::npos ? end : tail;
    size_t opener_begin = std::string_view::npos;
    // Searched back within the sentence only: from its end back to the text's start, every sentence of a long
    // preamble would cost the whole text before it.
    const std::string_view sentence = text.substr(0, limit).substr(begin);
    for (std::string_view opener : kOpeners) {
      const size_t in_sentence = text::rfind_word(sentence, opener, sentence.size());
      if (in_sentence == std::string_view::npos) continue;
      const size_t found = begin + in_sentence;
      if (list_begin == std::string_view::npos || found + opener.size() > list_begin) {
        list_begin = found + opener.size();
        opener_begin = found;
      }
    }
    if (list_begin == std::string_view::npos) return std::nullopt;
    list_begin = skip_spaces_and_colon(list_begin);
    list_end = limit;
    enumeration.terminated = tail != std::string_view::npos;
    if (tail != std::string_view::npos && text.substr(tail, tail_size) == kListEnds[0]) {
      list_end = read_count(text, list_begin, tail, enumeration);
      enumeration.of_report = true;
    }
    const std::string_view before = text.substr(begin, opener_begin - begin);
    for (std::string_view subject : kReportSubjects)
      if (text::find_word(before, subject) != std::string_view::npos) enumeration.of_report = true;
  }
  list_end = strip_before(text, list_begin, list_end, {"等", "共", "，", ",", " "});
  if (list_end <= list_begin) return std::nullopt;
  enumeration.list = {list_begin, list_end};
  return enumeration;
}

// The sections' titles and variants in compared form, computed once per format definition.
struct ComparableSection {
  int number = 0;
  std::vector<std::string> canonical;  // the heading's wording, with the stand-ins for its enumeration comma
  std::string title;                   // without joiners
  std::vector<std::string> variants;   // without joiners
  std::u32string title_code_points;    // for the edit distance
  size_t typos = 1;  // edits that still name the section: one per five characters of its title, at least one
};

const std::vector<ComparableSection>& comparable_sections(const FormatDefinition& format) {
  return derived_from_format(format, [](const FormatDefinition& f) {
    std::vector<ComparableSection> sections;
    for (const SectionSpec& section : f.sections) {
      ComparableSection c;
      c.number = section.number;
      const std::string title = normalize_label(section.title);
      c.canonical.push_back(title);
      if (const size_t comma = title.find(kEnumerationComma); comma != std::string::npos)
        for (std::string_view stand_in : kCommaStandIns)
          c.canonical.push_back(title.substr(0, comma) + std::string(stand_in) +
                                title.substr(comma + kEnumerationComma.size()));
      c.title = without_joiners(title);
      c.title_code_points = utf8_code_points(c.title);
      c.typos = std::max<size_t>(1, c.title_code_points.size() / 5);
      for (const std::string& variant : section.variants) c.variants.push_back(without_joiners(normalize_label(variant)));
      sections.push_back(std::move(c));
    }
    return sections;
  });
}

// The section `name` designates, and whether it is the heading's wording (possibly prefixed "政府信息公开(工作)" or
// the year).
Part classify(const FormatDefinition& format, std::string_view name, ByteRange range) {
  const std::string normalized = normalize_label(name);
  std::string_view written = without_year(normalized);
  const bool old_subject = written.starts_with(kOldSubject);
  if (old_subject) written.remove_prefix(kOldSubject.size());
  const std::vector<ComparableSection>& sections = comparable_sections(format);
  // The heading's wording at the end, and before it a qualifier or nothing.
  for (const ComparableSection& section : sections)
    for (const std::string& canonical : section.canonical)
      if (written.ends_with(canonical) &&
          std::find(std::begin(kQualifiers), std::end(kQualifiers),
                    written.substr(0, written.size() - canonical.size())) != std::end(kQualifiers))
        return {range, section.number, !old_subject};
  const std::string bare = without_joiners(written);
  for (const ComparableSection& section : sections)
    for (const std::string& variant : section.variants)
      if (bare == variant) return {range, section.number, false};
  // A slip of a character or two still names the section. Only a name within the slips' reach of a title's length
  // can (the characters of the valid UTF-8 `bare` are its bytes that begin one): most windows of a list are longer.
  const auto characters = static_cast<size_t>(std::count_if(
      bare.begin(), bare.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  const bool within_reach = std::any_of(sections.begin(), sections.end(), [&](const ComparableSection& section) {
    const size_t title = section.title_code_points.size();
    return characters + section.typos >= title && characters <= title + section.typos;
  });
  if (!within_reach) return {range, 0, false};
  const std::u32string written_code_points = utf8_code_points(bare);
  for (const ComparableSection& section : sections)
    if (edit_distance(written_code_points, section.title_code_points, section.typos) <= section.typos)
      return {range, section.number, false};
  return {range, 0, false};
}

// An item of the list as written, and whether a joining word (和, 及, 与) rather than a comma follows it.
struct Piece {
  ByteRange range;
  bool joined_to_next = false;
};

// The list's items: pieces between separators outside brackets and quotes (a name may carry a parenthesis with commas
// of its own), trimmed, empty ones dropped.
std::vector<Piece> list_pieces(std::string_view text, ByteRange list) {
  std::vector<Piece> pieces;
  const auto add = [&](size_t begin, size_t end, std::string_view separator) {
    const std::string_view piece = trim(text.substr(begin, end - begin));
    if (piece.empty()) return;
    const size_t at = static_cast<size_t>(piece.data() - text.data());
    const bool joining = separator == "和" || separator == "及" || separator == "与";
    pieces.push_back({{at, at + piece.size()}, joining});
  };
  int depth = 0;
  size_t piece_begin = list.begin;
  for (size_t i = list.begin; i < list.end;) {
    size_t length = 0;
    const char32_t c = text::code_point_at(text, i, length);
    if (length == 0) break;
    if (c == U'（' || c == U'(' || c == U'“' || c == U'《' || c == U'〈') ++depth;
    if ((c == U'）' || c == U')' || c == U'”' || c == U'》' || c == U'〉') && depth > 0) --depth;
    std::string_view separator;
    if (depth == 0)
      for (std::string_view s : kSeparators)
        if (text.substr(i, s.size()) == s) {
          separator = s;
          break;
        }
    if (separator.empty()) {
      i += length;
      continue;
    }
    add(piece_begin, i, separator);
    i += separator.size();
    piece_begin = i;
  }
  add(piece_begin, list.end, {});
  return pieces;
}

// Splits the list at its separators, rejoining pieces that together name a section (heading 四 has a comma inside,
// "收到和处理…" a joining word). Two pieces joined by 和/及/与 that name no section either way stay one item
// ("行政复议和诉讼情况").
std::vector<Part> read_parts(const FormatDefinition& format, std::string_view text, ByteRange list) {
  constexpr size_t kMostPiecesInAName = 4;
  const std::vector<Piece> pieces = list_pieces(text, list);
  const auto classify_range = [&](ByteRange range) {
    return classify(format, text.substr(range.begin, range.size()), range);
  };
  std::vector<Part> parts;
  for (size_t i = 0; i < pieces.size();) {
    Part best = classify_range(pieces[i].range);
    size_t used = 1;
    for (size_t more = 2; more <= kMostPiecesInAName && i + more <= pieces.size(); ++more) {
      const Part candidate = classify_range({pieces[i].range.begin, pieces[i + more - 1].range.end});
      if (candidate.section != 0 && (best.section == 0 || (candidate.canonical && !best.canonical))) {
        best = candidate;
        used = more;
      }
    }
    while (best.section == 0 && pieces[i + used - 1].joined_to_next && i + used < pieces.size() &&
           classify_range(pieces[i + used].range).section == 0) {
      best.range.end = pieces[i + used].range.end;
      ++used;
    }
    parts.push_back(best);
    i += used;
  }
  return parts;
}

// Whether the list is the report's parts: it names at least two sections, or it is introduced as the report's
// contents and closed as a list ("全文包括主动公开、依申请公开、……等方面": the overview's topics, not the parts).
// Other lists in the preamble are about something else ("包括工作动态、政策文件、社会救助等").
bool lists_parts(const Enumeration& enumeration) {
  constexpr size_t kLeastItemsOfAContentsList = 3;
  const auto named = std::count_if(enumeration.parts.begin(), enumeration.parts.end(),
                                   [](const Part& p) { return p.section != 0; });
  return named >= 2 || (named == 0 && enumeration.of_report && enumeration.terminated &&
                         enumeration.parts.size() >= kLeastItemsOfAContentsList);
}

// The first sentence of `range` that lists the report's parts.
std::optional<Enumeration> find_enumeration(const FormatDefinition& format, std::string_view text, ByteRange range) {
  for (size_t begin = range.begin; begin < range.end;) {
    // Sentences end at 。, ！, ？ or the line's end; not at a semicolon, which may separate the items.
    size_t end = std::min(line_end_at(text, begin), range.end);
    for (std::string_view stop : {"。", "！", "？"}) end = std::min(end, text::find_word(text.substr(0, end), stop, begin));
    if (auto enumeration = enumeration_in(text, begin, end)) {
      enumeration->parts = read_parts(format, text, enumeration->list);
      if (lists_parts(*enumeration)) return enumeration;
    }
    begin = end < range.end && (text[end] == '\n' || text[end] == '\r') ? next_line_start(text, end)
                                                                         : end + std::string_view("。").size();
  }
  return std::nullopt;
}

// Where the report lists its parts: the preamble, or, when the preamble was written under heading 一 (before or
// instead of the overview), that section's first paragraph.
std::vector<ByteRange> enumeration_areas(const Analysis& analysis) {
  const Report& report = analysis.report();
  std::vector<ByteRange> areas = analysis.prose_in(report.preamble);
  if (!report.sections.empty() && report.sections.front().number == 1 && !report.sections.front().paragraphs.empty())
    areas.push_back(report.paragraphs[report.sections.front().paragraphs.front()].range);
  return areas;
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  std::optional<Enumeration> enumeration;
  for (const ByteRange area : enumeration_areas(ctx.analysis))
    if ((enumeration = find_enumeration(ctx.format, report.search_text(), area))) break;
  if (!enumeration) return;
  const std::vector<Part>& parts = enumeration->parts;
  const int prescribed = static_cast<int>(ctx.format.sections.size());
  std::string sections_list;
  for (const SectionSpec& section : ctx.format.sections)
    sections_list += (sections_list.empty() ? "" : "、") + section.title;
  if (std::none_of(parts.begin(), parts.end(), [](const Part& p) { return p.section != 0; })) {
    sink.report(enumeration->list, "前言所列“" + std::string(report.slice(enumeration->list)) +
                                       "”不是报告的组成部分，报告应由" + sections_list + chinese_numeral(prescribed) + "部分组成 / the preamble's "
                                       "list of the report's contents names none of the six sections");
    return;
  }

  std::vector<bool> listed(prescribed + 1, false);
  int previous = 0;
  for (const Part& part : parts) {
    const std::string name(report.slice(part.range));
    if (part.section == 0) {
      sink.report(part.range, "前言所列部分“" + name + "”与格式规定的六个部分都不对应 / the preamble lists a part "
                                                     "that is not a section");
      continue;
    }
    listed[part.section] = true;
    const SectionSpec& spec = *ctx.format.section(part.section);
    if (!part.canonical)
      sink.report(part.range, "前言所列第" + spec.numeral + "部分名称“" + name + "”与标题“" + spec.heading() +
                                  "”不符 / the preamble names section " + std::to_string(part.section) + " " + name);
    else if (part.section <= previous)
      sink.report(part.range, "前言所列部分“" + name + "”的顺序与标题顺序不符 / the preamble lists the parts out of "
                                                     "order");
    previous = std::max(previous, part.section);
  }

  std::string unlisted;
  for (const SectionSpec& section : ctx.format.sections)
    if (!listed[section.number]) unlisted += (unlisted.empty() ? "“" : "、“") + section.title + "”";
  const int count = static_cast<int>(parts.size());
  if (enumeration->count.empty() || (enumeration->stated == count && count == prescribed)) return;
  std::string message = "前言称“" + std::string(report.slice(enumeration->count)) + "部分”，实际列出" +
                        chinese_numeral(count) + "部分";
  if (enumeration->stated != prescribed) message += "，格式规定为" + chinese_numeral(prescribed) + "部分";
  if (!unlisted.empty()) message += "，未列" + unlisted;
  sink.report(enumeration->count, message + " / the preamble states " + std::to_string(enumeration->stated) +
                                      " parts and lists " + std::to_string(count));
}

}  // namespace

extern const Rule rule_S110{kDescriptor, check};

}  // namespace xxgk
