// Compares the extractor's answer for a report with the expected record in
// tests/extractor/expected, field by field, and checks the spans of the
// answer against the report's text. Differences come back as a list, each
// naming the field it is about, so that the corpus test can tell known gaps
// from new failures (tests/extractor/README.md).
#ifndef SUMMIT_TESTS_EXTRACTOR_RECORD_DIFF_H_
#define SUMMIT_TESTS_EXTRACTOR_RECORD_DIFF_H_

#include <ostream>
#include <string>
#include <vector>

#include "summit/v1/ingest_service.pb.h"
#include "summit/v1/resources.pb.h"

namespace summit::testing {

// One difference. `field` is a path in the summit, indexed by the expected
// file's elements ("related_engagements[1].event_name", "amounts[0]" for a
// fact the answer lacks); a fact only the answer has is named by the text of
// its span, or else its string fields ("amounts[+\"about 30 flights\"]",
// "sectors[+\"sectors/finance\"]"); "summit" when one side has no summit.
struct Mismatch {
  std::string field;
  std::string detail;
};

// For gtest's messages.
void PrintTo(const Mismatch& mismatch, std::ostream* os);

// A field of the API the expected files do not hold, and why.
struct UncomparedField {
  const char* name;  // full name, "summit.v1.Summit.title"
  const char* why;
};

// The fields the comparison leaves out. Every other field of
// ExtractArticleResponse and what it contains is compared, and a field the
// expected file leaves unset must be unset (or empty) in the answer too.
const std::vector<UncomparedField>& UncomparedFields();

// The differences between `want` (an expected file) and `got` (the
// extractor's answer). Repeated facts are matched regardless of order: an
// identical fact first, then the most similar remaining one, whose
// differing fields are listed; a fact with no counterpart at least half
// similar is missing (or unexpected). Repeated strings compare as sets.
// Also lists every field `want` sets that the comparison leaves out, since
// an expected file must hold only what is compared.
std::vector<Mismatch> CompareWithExpected(const v1::ExtractArticleResponse& want,
                                          const v1::ExtractArticleResponse& got);

// Checks every TextSpan in `summit`, wherever it is (ForEachTextSpan of
// common/text_spans.h): its text is text[start:end], its source_id is
// `source_id`, and its sentence_index names the sentence of `text` that
// holds it. Also checks that every fact carries a span (every element of a
// repeated field of `summit`, and every set message such as the location,
// whose type declares a TextSpan), and that the words a statement or an
// agreement quotes lie within its span. Fields are named by the answer's
// indexes.
std::vector<Mismatch> CheckSpans(const v1::Summit& summit, const std::string& text,
                                 const std::string& source_id);

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_EXTRACTOR_RECORD_DIFF_H_
