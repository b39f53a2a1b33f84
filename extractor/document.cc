#include "extractor/document.h"

#include <algorithm>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "unicode/brkiter.h"
#include "unicode/translit.h"
#include "unicode/unistr.h"
#include "unicode/utf16.h"
#include "unicode/utf8.h"

namespace summit::extractor {

namespace {

// `text` into `utf16`, each bad UTF-8 sequence as one U+FFFD; returns
// whether it was all ASCII, so that offsets in one are offsets in the other.
// ICU's own conversion costs several times more on ASCII, the bulk of text.
bool ToUtf16(absl::string_view text, icu::UnicodeString& utf16) {
  const auto length = static_cast<int32_t>(text.size());
  // UTF-16 never takes more units than UTF-8 takes bytes.
  char16_t* buffer = utf16.getBuffer(std::max(length, 1));
  if (buffer == nullptr) return true;  // Out of memory: no sentence breaks.
  int32_t units = 0;
  bool ascii = true;
  for (int32_t i = 0; i < length;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      buffer[units++] = byte;
      ++i;
      continue;
    }
    ascii = false;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    U16_APPEND_UNSAFE(buffer, units, c < 0 ? 0xFFFD : c);
  }
  utf16.releaseBuffer(units);
  return ascii;
}

}  // namespace

Document::Document(absl::string_view text)
    : text_(text), tokens_(reference::Tokenize(text)) {
  // Building a sentence iterator with the English abbreviation filters
  // ("Mr.", "Feb.") costs far more than using one: one per thread.
  thread_local const std::unique_ptr<icu::BreakIterator> kSentenceBreaks = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), error));
    return U_SUCCESS(error) ? std::move(made) : nullptr;
  }();
  sentence_starts_.push_back(0);
  if (kSentenceBreaks != nullptr) {
    // The iterator reads UTF-16 far faster than UTF-8 through a UText; its
    // offsets are mapped back to bytes as they come, in order.
    icu::UnicodeString utf16;
    const bool ascii = ToUtf16(text, utf16);
    kSentenceBreaks->setText(utf16);
    const auto length = static_cast<int32_t>(text.size());
    int32_t byte = 0;
    int32_t unit = 0;
    for (int32_t end = kSentenceBreaks->next();
         end != icu::BreakIterator::DONE && end < utf16.length();
         end = kSentenceBreaks->next()) {
      if (ascii) byte = unit = end;
      while (unit < end && byte < length) {
        UChar32 c;
        U8_NEXT(text.data(), byte, length, c);
        unit += c < 0 ? 1 : U16_LENGTH(c);  // A bad sequence became one U+FFFD.
      }
      sentence_starts_.push_back(static_cast<uint32_t>(byte));
    }
    // The iterator keeps a reference to the text: detach it.
    kSentenceBreaks->setText(icu::UnicodeString());
  }

  size_t s = 0;
  sentence_first_token_.push_back(0);
  for (size_t t = 0; t < tokens_.size(); ++t) {
    while (s + 1 < sentence_starts_.size() &&
           tokens_[t].start >= sentence_starts_[s + 1]) {
      ++s;
      sentence_first_token_.push_back(t);
    }
    tokens_[t].sentence = static_cast<int>(s);
  }
  while (sentence_first_token_.size() < sentence_starts_.size() + 1) {
    sentence_first_token_.push_back(tokens_.size());
  }
}

std::pair<uint32_t, uint32_t> Document::SentenceBytes(int s) const {
  const uint32_t end = s + 1 < sentence_count() ? sentence_starts_[s + 1]
                                                : static_cast<uint32_t>(text_.size());
  return {sentence_starts_[s], end};
}

absl::string_view Document::TextOf(size_t first, size_t last) const {
  if (last <= first) return {};
  return text_.substr(tokens_[first].start, tokens_[last - 1].end - tokens_[first].start);
}

v1::TextSpan Document::Span(size_t first, size_t last) const {
  v1::TextSpan span;
  span.set_start(tokens_[first].start);
  span.set_end(tokens_[last - 1].end);
  span.set_sentence_index(tokens_[first].sentence);
  span.set_text(std::string(TextOf(first, last)));
  return span;
}

namespace {

// `text` in ASCII, transliterated from any script ("Erdoğan" -> "Erdogan").
std::string ToAscii(absl::string_view text) {
  // Transliterators keep state while working: one per thread.
  thread_local const std::unique_ptr<icu::Transliterator> kToAscii = [] {
    UErrorCode error = U_ZERO_ERROR;
    return std::unique_ptr<icu::Transliterator>(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, error));
  }();
  // A transliteration takes about 10 µs and the same names come back report
  // after report: each thread keeps the last few thousand.
  thread_local absl::flat_hash_map<std::string, std::string> cache;
  if (auto it = cache.find(text); it != cache.end()) return it->second;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (kToAscii != nullptr) kToAscii->transliterate(unicode);
  std::string folded;
  unicode.toUTF8String(folded);
  constexpr size_t kCacheSize = 4096;
  if (cache.size() >= kCacheSize) cache.clear();
  cache.emplace(text, folded);
  return folded;
}

}  // namespace

std::string Slug(absl::string_view text) {
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  const std::string folded = ascii ? std::string(text) : ToAscii(text);
  std::string slug;
  for (char c : folded) {
    if (absl::ascii_isalnum(c)) {
      slug.push_back(absl::ascii_tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace summit::extractor
