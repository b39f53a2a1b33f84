// Date expressions in English text: absolute ("March 3, 2031",
// "3 March 2031", "Feb. 7", "October 2030", "in 2030") and relative
// ("today", "on Tuesday", "last year", "next month", "in November"), resolved
// against an anchor date.
#ifndef SUMMIT_EXTRACTOR_DATES_H_
#define SUMMIT_EXTRACTOR_DATES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "extractor/document.h"
#include "extractor/lexicon.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

struct DateMention {
  size_t first = 0;  // Tokens [first, last) of the expression.
  size_t last = 0;
  // The date as far as the text alone tells (absolute parts); the rest 0.
  v1::Date date;
  // True when parts of the date depend on the anchor ("Feb. 7", "today").
  bool relative = false;
  // For relative mentions: how to resolve them.
  enum class Rule {
    kNone,         // Absolute.
    kMonthDay,     // Month and day given: the year nearest the anchor.
    kMonth,        // Month only ("in November"): the latest one not after it.
    kDayOffset,    // today, yesterday, tomorrow: `offset` days.
    kWeekOffset,   // last/this/next week, N weeks ago: `offset` weeks; month
                   // precision.
    kWeekday,      // A weekday: `offset` is 0..6 (Monday..Sunday).
    kYearOffset,   // last/this/next year, N years ago.
    kMonthOffset,  // last/this/next month, N months ago.
  } rule = Rule::kNone;
  int offset = 0;
  // True in a sentence about the future ("will", "next").
  bool future = false;
  // Precision of the resolved date: 3 day, 2 month, 1 year.
  int Precision() const {
    return date.day() ? 3 : date.month() ? 2 : date.year() ? 1 : 0;
  }
};

// Every date expression of `doc`, in text order, unresolved.
std::vector<DateMention> FindDates(const Document& doc, const Lexicon& lexicon);

// Fills in the parts of `mention` that depend on `anchor`; returns false and
// leaves them 0 when the mention is relative and there is no anchor.
bool Resolve(DateMention& mention, const std::optional<absl::CivilDay>& anchor);

// The day of a fully known date; nullopt otherwise or when invalid.
std::optional<absl::CivilDay> ToCivilDay(const v1::Date& date);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_DATES_H_
