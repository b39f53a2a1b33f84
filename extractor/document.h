// The text of an article cut into sentences and tokens, with UTF-8 byte
// offsets, so that every extracted fact can point at its source span.
#ifndef SUMMIT_EXTRACTOR_DOCUMENT_H_
#define SUMMIT_EXTRACTOR_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "reference/tokens.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// An article's text with its sentences and tokens. Holds a view of the text:
// the text must outlive it.
class Document final {
 public:
  explicit Document(absl::string_view text);

  absl::string_view text() const { return text_; }
  const std::vector<reference::Token>& tokens() const { return tokens_; }
  int sentence_count() const { return static_cast<int>(sentence_starts_.size()); }
  // Tokens [first, last) of sentence `s`.
  std::pair<size_t, size_t> SentenceTokens(int s) const {
    return {sentence_first_token_[s], sentence_first_token_[s + 1]};
  }
  // Byte offsets of sentence `s`.
  std::pair<uint32_t, uint32_t> SentenceBytes(int s) const;

  // The text of tokens [first, last).
  absl::string_view TextOf(size_t first, size_t last) const;
  // The span of tokens [first, last) (last > first).
  v1::TextSpan Span(size_t first, size_t last) const;

 private:
  absl::string_view text_;
  std::vector<reference::Token> tokens_;
  std::vector<uint32_t> sentence_starts_;
  std::vector<size_t> sentence_first_token_;  // sentence_count() + 1 entries.
};

// Lower-case ASCII slug of `text`: diacritics folded, runs of other
// characters as one '-' ("Zoë Ångström" -> "zoe-angstrom").
std::string Slug(absl::string_view text);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_DOCUMENT_H_
