#include "extractor/extractor.h"

#include <string>
#include <vector>

#include "extractor/analysis.h"
#include "extractor/finders.h"

namespace summit::extractor {

Extraction Extractor::Extract(const v1::Article& article) const {
  Extraction extraction;
  const Analysis analysis(article, data_, lexicon_);
  if (!analysis.not_summit_reason().empty()) {
    extraction.not_summit_reason = analysis.not_summit_reason();
    return extraction;
  }
  extraction.warnings = analysis.date_warnings();
  v1::Summit& summit = extraction.summit.emplace();
  FindDate(analysis, summit, extraction.warnings);
  FindLocation(analysis, summit);
  FindParticipants(analysis, summit);
  FindSectors(analysis, summit);
  FindAgreements(analysis, summit);
  FindAmounts(analysis, summit);
  FindEngagements(analysis, summit);
  FindStatements(analysis, summit);
  NameSummit(analysis, summit);
  return extraction;
}

}  // namespace summit::extractor
