// The extractor: reads one report and returns the summit it reports, with
// the source span of every fact, or the reason it reports none. Pure: no
// I/O, no gRPC; thread-safe.
//
// How it works: an Analysis (analysis.h) reads the text once — sentences
// and tokens, cue words, leaders, events, dates, the meeting's date, the
// participants — and then one finder per kind of fact (finders.h) fills its
// part of the Summit from it. Word lists live in reference/data/words.json
// (lexicon.h), places, titles, sectors and currencies in the other
// reference data.
//
// Adding a kind of fact:
//   1. its field in proto/summit/v1/resources.proto (with a TextSpan if it
//      comes from the text: validation, source removal, the tests'
//      comparator and the fuzzer find spans by reflection, see
//      common/text_spans.h);
//   2. its finder: a function in finders.h, in a file of its own, called in
//      Extract() after the finders it reads;
//   3. its words, if any, in words.json (and ExtractorWords);
//   4. the finder's unit tests in tests/extractor/, and the fact in the
//      expected records of the sample reports;
//   5. when two reports of one meeting state the same fact: its key in
//      MergeSummit (ingest_service/ingestor.cc), which merges facts kind by
//      kind.
// Rules are general: a comment states the pattern a rule handles, with a
// made-up example if one helps, never a sentence of a sample report.
#ifndef SUMMIT_EXTRACTOR_EXTRACTOR_H_
#define SUMMIT_EXTRACTOR_EXTRACTOR_H_

#include <optional>
#include <string>
#include <vector>

#include "extractor/lexicon.h"
#include "reference/reference_data.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// What the extractor read in one report.
struct Extraction {
  // The summit the report tells of; empty when it tells of none.
  std::optional<v1::Summit> summit;
  // Why the report tells of no summit; empty when it tells of one.
  std::string not_summit_reason;
  // What the extractor could not settle (an unresolved relative date, no
  // date at all); only with a summit.
  std::vector<std::string> warnings;
};

class Extractor final {
 public:
  // `data` and `lexicon` must outlive the extractor.
  explicit Extractor(
      const reference::ReferenceData& data = reference::ReferenceData::Get(),
      const Lexicon& lexicon = Lexicon::Get())
      : data_(data), lexicon_(lexicon) {}

  // Extracts the summit `article` reports. Relative dates are resolved
  // against article.published when set, else against the meeting's own
  // absolute date; what stays unresolved is 0 and named in a warning.
  // Spans refer to article.text and carry article.source_id. Never fails:
  // text that reports no meeting of leaders yields no summit and a reason.
  Extraction Extract(const v1::Article& article) const;

 private:
  const reference::ReferenceData& data_;
  const Lexicon& lexicon_;
};

// Puts `summit`'s participants in the order Summit.participants defines:
// by country code, then resource name. The extractor's records have it, and
// a merge of two records restores it.
void SortParticipants(v1::Summit& summit);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_EXTRACTOR_H_
