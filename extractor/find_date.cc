// The meeting's date (chosen by the analysis, see meeting_date.h).
#include "extractor/finders.h"

namespace summit::extractor {

void FindDate(const Analysis& analysis, v1::Summit& summit,
              std::vector<std::string>& warnings) {
  if (analysis.meeting_date() == nullptr) {
    warnings.push_back("the meeting's date is not stated");
    return;
  }
  *summit.mutable_date() = analysis.meeting_date()->date;
}

}  // namespace summit::extractor
