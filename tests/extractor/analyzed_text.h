// Helpers of the extractor's unit tests: an article holding a short text,
// the analysis of it, and the text a span covers.
#ifndef SUMMIT_TESTS_EXTRACTOR_ANALYZED_TEXT_H_
#define SUMMIT_TESTS_EXTRACTOR_ANALYZED_TEXT_H_

#include <memory>
#include <string>

#include "extractor/analysis.h"
#include "extractor/lexicon.h"
#include "reference/reference_data.h"
#include "summit/v1/ingest_service.pb.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// An article with `text`, published on year-month-day (all 0: no date).
inline v1::Article MakeArticle(const std::string& text, int year = 0, int month = 0,
                               int day = 0) {
  v1::Article article;
  article.set_source_id("test-source");
  article.set_url("https://example.org/report");
  article.set_title("A test report");
  article.set_text(text);
  article.mutable_published()->set_year(year);
  article.mutable_published()->set_month(month);
  article.mutable_published()->set_day(day);
  return article;
}

// An article and its analysis, which refers to it.
class AnalyzedText final {
 public:
  explicit AnalyzedText(const std::string& text, int year = 0, int month = 0, int day = 0)
      : article_(MakeArticle(text, year, month, day)),
        analysis_(std::make_unique<Analysis>(article_, reference::ReferenceData::Get(),
                                             Lexicon::Get())) {}

  const v1::Article& article() const { return article_; }
  const std::string& text() const { return article_.text(); }
  const Analysis& analysis() const { return *analysis_; }
  const Analysis& operator*() const { return *analysis_; }
  const Analysis* operator->() const { return analysis_.get(); }

  // The bytes of the text `span` points at.
  std::string Cut(const v1::TextSpan& span) const {
    if (span.end() < span.start() || span.end() > text().size()) return "<bad span>";
    return text().substr(span.start(), span.end() - span.start());
  }

 private:
  const v1::Article article_;
  const std::unique_ptr<Analysis> analysis_;
};

// A sentence reporting a meeting of two leaders in Nairobi, to put before
// the sentences a finder's test is about.
inline constexpr char kMeeting[] =
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. ";

// What `finder` adds to an empty summit from the analysis of `text`.
inline v1::Summit RunFinder(void (*finder)(const Analysis&, v1::Summit&),
                            const AnalyzedText& text) {
  v1::Summit summit;
  finder(*text, summit);
  return summit;
}

}  // namespace summit::extractor

#endif  // SUMMIT_TESTS_EXTRACTOR_ANALYZED_TEXT_H_
