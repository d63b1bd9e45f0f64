#pragma once
// The Markdown the letter templates use, and its HTML. Private to src/io.
//
// The subset: ATX headings (# to ######), paragraphs (a line ending in a backslash or two
// spaces breaks the line), bullet lists (-, *, +) and numbered lists (1.), pipe tables with
// a separator row (|---|--:|), horizontal rules (---), **bold**, *emphasis*, `code`, and
// backslash escapes of ASCII punctuation. Everything else is text, and all text is escaped
// for HTML, so nothing in a letter can inject markup.

#include <string>
#include <string_view>

namespace arrears::detail {

/// `text` with every character Markdown could read as markup backslash-escaped, and each
/// line break made a hard break (a backslash before it), so that a value substituted into
/// a template reads back as exactly that text.
[[nodiscard]] std::string markdown_escape(std::string_view text);

/// `text` with &, <, >, " and ' replaced by their entities.
[[nodiscard]] std::string html_escape(std::string_view text);

/// The HTML of `markdown` (the subset above): block elements, one per line or more.
[[nodiscard]] std::string markdown_to_html(std::string_view markdown);

/// The plain text of one line of inline Markdown: escapes resolved, markup dropped.
[[nodiscard]] std::string markdown_plain_text(std::string_view line);

/// A complete UTF-8 HTML document in `language` with `title` and `body` (already HTML).
[[nodiscard]] std::string html_document(std::string_view language, std::string_view title,
                                        std::string_view body);

}  // namespace arrears::detail
