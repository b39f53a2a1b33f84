#include "extractor/extractor.h"

#include <string>
#include <vector>

#include "extractor/analysis.h"
#include "extractor/finders.h"

namespace summit::extractor {

v1::ExtractArticleResponse Extractor::Extract(const v1::Article& article) const {
  v1::ExtractArticleResponse response;
  const Analysis analysis(article, data_, lexicon_);
  if (!analysis.not_summit_reason().empty()) {
    response.set_not_summit_reason(analysis.not_summit_reason());
    return response;
  }
  std::vector<std::string> warnings = analysis.date_warnings();
  v1::Summit& summit = *response.mutable_summit();
  FindDate(analysis, summit, warnings);
  FindLocation(analysis, summit);
  FindParticipants(analysis, summit);
  FindSectors(analysis, summit);
  FindAgreements(analysis, summit);
  FindAmounts(analysis, summit);
  FindEngagements(analysis, summit);
  FindStatements(analysis, summit);
  NameSummit(analysis, summit);
  for (std::string& warning : warnings) response.add_warnings(std::move(warning));
  return response;
}

}  // namespace summit::extractor
