// The letters' Markdown subset and its HTML.

#include "io/markdown_html.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace arrears::detail {
namespace {

constexpr std::string_view ascii_punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

bool is_punctuation(char c) noexcept { return ascii_punctuation.find(c) != std::string_view::npos; }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void append_escaped(char c, std::string& out) {
  switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
  }
}

/// The position of the next `delimiter` at or after `from` that is not escaped, npos when
/// none. A single '*' never matches half of a "**".
std::size_t find_closing(std::string_view s, std::size_t from, std::string_view delimiter) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && is_punctuation(s[i + 1])) {
      ++i;
      continue;
    }
    if (s.compare(i, delimiter.size(), delimiter) != 0) continue;
    if (delimiter == "*" && i + 1 < s.size() && s[i + 1] == '*') {
      ++i;
      continue;
    }
    return i;
  }
  return std::string_view::npos;
}

enum class inline_mode { html, plain };

void render_inline(std::string_view s, inline_mode mode, std::string& out) {
  const bool html = mode == inline_mode::html;
  auto put = [&](char c) {
    if (html)
      append_escaped(c, out);
    else
      out += c;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_punctuation(s[i + 1])) {
      put(s[i + 1]);
      i += 2;
      continue;
    }
    if (c == '`') {
      const std::size_t close = s.find('`', i + 1);
      if (close != std::string_view::npos) {
        if (html) out += "<code>";
        for (const char literal : s.substr(i + 1, close - i - 1)) put(literal);
        if (html) out += "</code>";
        i = close + 1;
        continue;
      }
    }
    if (s.compare(i, 2, "**") == 0) {
      const std::size_t close = find_closing(s, i + 2, "**");
      if (close != std::string_view::npos && close > i + 2) {
        if (html) out += "<strong>";
        render_inline(s.substr(i + 2, close - i - 2), mode, out);
        if (html) out += "</strong>";
        i = close + 2;
        continue;
      }
    } else if (c == '*') {
      const std::size_t close = find_closing(s, i + 1, "*");
      if (close != std::string_view::npos && close > i + 1) {
        if (html) out += "<em>";
        render_inline(s.substr(i + 1, close - i - 1), mode, out);
        if (html) out += "</em>";
        i = close + 1;
        continue;
      }
    }
    put(c);
    ++i;
  }
}

/// Whether `line` ends in a hard break (two spaces, or a backslash that is not itself
/// escaped), and the line without it.
bool hard_break(std::string_view& line) {
  if (line.size() >= 2 && line.ends_with("  ")) {
    line = trim(line);
    return true;
  }
  std::size_t backslashes = 0;
  while (backslashes < line.size() && line[line.size() - 1 - backslashes] == '\\') ++backslashes;
  if (backslashes % 2 == 1) {
    line.remove_suffix(1);
    line = trim(line);
    return true;
  }
  line = trim(line);
  return false;
}

/// Lines of one paragraph or list item: joined by a space, or by <br> after a hard break.
void render_lines(const std::vector<std::string_view>& lines, std::string& out) {
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    const bool is_last = k + 1 == lines.size();
    const bool broken = hard_break(line);
    render_inline(line, inline_mode::html, out);
    if (!is_last) out += broken ? "<br>\n" : "\n";
  }
}

/// "# Title" -> level 1 and "Title"; 0 when not a heading.
int heading_level(std::string_view line, std::string_view& text) {
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[static_cast<std::size_t>(level)] == '#')
    ++level;
  if (level == 0 || level > 6) return 0;
  const auto rest = line.substr(static_cast<std::size_t>(level));
  if (!rest.empty() && rest.front() != ' ') return 0;
  text = trim(rest);
  return level;
}

bool is_rule(std::string_view trimmed) {
  if (trimmed.size() < 3) return false;
  const char c = trimmed.front();
  if (c != '-' && c != '*' && c != '_') return false;
  return trimmed.find_first_not_of(c) == std::string_view::npos;
}

/// A list item's marker: sets `ordered`, `number` and `content`.
bool list_item(std::string_view line, bool& ordered, long& number, std::string_view& content) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size()) return false;
  const char c = line[i];
  if ((c == '-' || c == '*' || c == '+') && i + 1 < line.size() && line[i + 1] == ' ') {
    ordered = false;
    content = trim(line.substr(i + 2));
    return true;
  }
  std::size_t j = i;
  long value = 0;
  while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9')
    value = value * 10 + (line[j++] - '0');
  if (j == i || j + 1 >= line.size() || (line[j] != '.' && line[j] != ')') || line[j + 1] != ' ')
    return false;
  ordered = true;
  number = value;
  content = trim(line.substr(j + 2));
  return true;
}

/// The cells of a table row, split at unescaped '|'.
std::vector<std::string_view> table_cells(std::string_view line) {
  line = trim(line);
  if (line.starts_with('|')) line.remove_prefix(1);
  if (line.ends_with('|') && !(line.size() >= 2 && line[line.size() - 2] == '\\'))
    line.remove_suffix(1);
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      ++i;
      continue;
    }
    if (line[i] == '|') {
      cells.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  cells.push_back(trim(line.substr(start)));
  return cells;
}

enum class alignment { none, left, center, right };

/// Whether `line` is a table's separator row; fills the column alignments.
bool separator_row(std::string_view line, std::vector<alignment>& alignments) {
  const auto trimmed = trim(line);
  if (!trimmed.starts_with('|') && trimmed.find('|') == std::string_view::npos) return false;
  alignments.clear();
  for (std::string_view cell : table_cells(line)) {
    if (cell.empty()) return false;
    const bool left = cell.front() == ':', right = cell.back() == ':';
    if (left) cell.remove_prefix(1);
    if (right && !cell.empty()) cell.remove_suffix(1);
    if (cell.empty() || cell.find_first_not_of('-') != std::string_view::npos) return false;
    alignments.push_back(left && right ? alignment::center
                         : right       ? alignment::right
                         : left        ? alignment::left
                                       : alignment::none);
  }
  return true;
}

void render_row(const std::vector<std::string_view>& cells,
                const std::vector<alignment>& alignments, const char* tag, std::string& out) {
  out += "<tr>";
  for (std::size_t k = 0; k < alignments.size(); ++k) {
    out += '<';
    out += tag;
    switch (alignments[k]) {
      case alignment::left:
        out += " style=\"text-align: left\"";
        break;
      case alignment::center:
        out += " style=\"text-align: center\"";
        break;
      case alignment::right:
        out += " style=\"text-align: right\"";
        break;
      case alignment::none:
        break;
    }
    out += '>';
    if (k < cells.size()) render_inline(cells[k], inline_mode::html, out);
    out += "</";
    out += tag;
    out += '>';
  }
  out += "</tr>\n";
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  constexpr std::string_view special = "\\`*_[]<>|#~&{}";
  std::string out;
  out.reserve(text.size() + 8);
  for (const char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += "\\\n";
      continue;
    }
    if (special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) append_escaped(c, out);
  return out;
}

std::string markdown_plain_text(std::string_view line) {
  std::string out;
  render_inline(trim(line), inline_mode::plain, out);
  return out;
}

std::string markdown_to_html(std::string_view markdown) {
  const std::vector<std::string_view> lines = split_lines(markdown);
  std::string out;
  std::vector<std::string_view> paragraph;
  auto flush_paragraph = [&] {
    if (paragraph.empty()) return;
    out += "<p>";
    render_lines(paragraph, out);
    out += "</p>\n";
    paragraph.clear();
  };

  std::vector<alignment> alignments;
  std::size_t i = 0;
  while (i < lines.size()) {
    const std::string_view line = lines[i];
    const std::string_view trimmed = trim(line);
    std::string_view text;
    bool ordered = false;
    long number = 1;
    if (trimmed.empty()) {
      flush_paragraph();
      ++i;
    } else if (const int level = heading_level(trimmed, text); level > 0) {
      flush_paragraph();
      const std::string tag = "h" + std::to_string(level);
      out += "<" + tag + ">";
      render_inline(text, inline_mode::html, out);
      out += "</" + tag + ">\n";
      ++i;
    } else if (is_rule(trimmed)) {
      flush_paragraph();
      out += "<hr>\n";
      ++i;
    } else if (trimmed.starts_with('|') && i + 1 < lines.size() &&
               separator_row(lines[i + 1], alignments)) {
      flush_paragraph();
      out += "<table>\n<thead>\n";
      render_row(table_cells(line), alignments, "th", out);
      out += "</thead>\n<tbody>\n";
      i += 2;
      while (i < lines.size() && trim(lines[i]).starts_with('|'))
        render_row(table_cells(lines[i++]), alignments, "td", out);
      out += "</tbody>\n</table>\n";
    } else if (list_item(line, ordered, number, text)) {
      flush_paragraph();
      const bool list_ordered = ordered;
      if (!list_ordered)
        out += "<ul>\n";
      else if (number != 1)
        out += "<ol start=\"" + std::to_string(number) + "\">\n";
      else
        out += "<ol>\n";
      std::vector<std::string_view> item{text};
      ++i;
      auto flush_item = [&] {
        out += "<li>";
        render_lines(item, out);
        out += "</li>\n";
      };
      while (i < lines.size()) {
        const std::string_view next = lines[i];
        if (list_item(next, ordered, number, text) && ordered == list_ordered) {
          flush_item();
          item = {text};
        } else if (next.starts_with("  ") && !trim(next).empty()) {
          item.push_back(trim(next));
        } else {
          break;
        }
        ++i;
      }
      flush_item();
      out += list_ordered ? "</ol>\n" : "</ul>\n";
    } else {
      paragraph.push_back(line);
      ++i;
    }
  }
  flush_paragraph();
  return out;
}

std::string html_document(std::string_view language, std::string_view title,
                          std::string_view body) {
  std::string out;
  out.reserve(body.size() + 600);
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += html_escape(language);
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  out += html_escape(title);
  out +=
      "</title>\n<style>\n"
      "body { font-family: \"Helvetica Neue\", Arial, sans-serif; max-width: 42em; "
      "margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #222; }\n"
      "table { border-collapse: collapse; margin: 1em 0; }\n"
      "th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.8em; text-align: left; }\n"
      "h1 { font-size: 1.4em; }\n"
      "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace arrears::detail
