// libFuzzer target for the extractor: any bytes as a report's text, with a
// publication date taken from the first bytes. The extractor must not crash
// or trip a sanitizer, and for valid UTF-8 every span must be in bounds and
// cover its own text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/text_spans.h"
#include "extractor/extractor.h"
#include "unicode/utf8.h"

namespace {

bool IsValidUtf8(const std::string& text) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0) return false;
  }
  return true;
}

void CheckSpan(const summit::v1::TextSpan& span, const std::string& text) {
  if (span.end() > text.size() || span.start() >= span.end() ||
      text.compare(span.start(), span.end() - span.start(), span.text()) != 0) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const summit::extractor::Extractor* const kExtractor =
      new summit::extractor::Extractor();
  summit::v1::Article article;
  if (size >= 3 && (data[0] & 1)) {
    article.mutable_published()->set_year(1990 + data[1] % 60);
    article.mutable_published()->set_month(1 + data[2] % 12);
    article.mutable_published()->set_day(1 + data[0] % 28);
    data += 3;
    size -= 3;
  }
  article.set_text(std::string(reinterpret_cast<const char*>(data), size));
  const summit::extractor::Extraction extraction = kExtractor->Extract(article);
  if (!IsValidUtf8(article.text()) || !extraction.summit.has_value()) return 0;
  const summit::v1::Summit& summit = *extraction.summit;
  summit::common::ForEachTextSpan(summit,
                          [&](absl::string_view, const summit::v1::TextSpan& span) {
                            CheckSpan(span, article.text());
                          });
  std::string bytes;
  if (!summit.SerializeToString(&bytes)) std::abort();
  return 0;
}
