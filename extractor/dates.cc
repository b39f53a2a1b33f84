#include "extractor/dates.h"

#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;

namespace {

// A plain number token's value, or -1.
// The value of a number token, ordinal suffix dropped ("27th" is 27); -1
// for other tokens.
int NumberOf(const Token& token) {
  if (token.kind != Token::Kind::kNumber) return -1;
  absl::string_view digits = token.lower;
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (absl::ConsumeSuffix(&digits, suffix)) break;
  }
  int value = 0;
  return absl::SimpleAtoi(digits, &value) ? value : -1;
}

bool IsYear(int value) { return value >= 1900 && value <= 2100; }
bool IsDay(int value) { return value >= 1 && value <= 31; }

class Finder {
 public:
  Finder(const Document& doc, const Lexicon& lexicon)
      : doc_(doc), tokens_(doc.tokens()), lexicon_(lexicon) {}

  std::vector<DateMention> Run() {
    for (int s = 0; s < doc_.sentence_count(); ++s) {
      auto [first, last] = doc_.SentenceTokens(s);
      size_t i = first;
      while (i < last) {
        DateMention mention;
        if (Match(i, last, mention)) {
          // "will meet on Tuesday", "expected to meet ... in November".
          mention.future = IsFuture(first, mention.first);
          i = mention.last;
          mentions_.push_back(mention);
        } else {
          ++i;
        }
      }
    }
    return std::move(mentions_);
  }

 private:
  // The month a token names (1..12); 0 when none.
  int MonthOf(const Token& token) const {
    return static_cast<int>(lexicon_.month_names.Value(token));
  }

  // The weekday a token names, 0 (Monday) to 6; -1 when none.
  int WeekdayOf(const Token& token) const {
    return static_cast<int>(lexicon_.weekday_names.Value(token)) - 1;
  }

  // A small count in digits or words ("3", "three", "a"); 0 when not one.
  int CountOf(const Token& token) const {
    if (int value = NumberOf(token); value >= 1 && value <= 100) return value;
    return static_cast<int>(lexicon_.date_count_words.Value(token));
  }

  bool IsAt(size_t i, size_t end, absl::string_view word) const {
    return i < end && Is(tokens_[i], word);
  }

  // Whether tokens [first, last) say what follows is to come.
  bool IsFuture(size_t first, size_t last) const {
    for (size_t i = first; i < last; ++i) {
      const Token& w = tokens_[i];
      // "agreed to meet ... in October": an intention.
      if (Is(w, "to") && i + 1 < last &&
          lexicon_.intention_verbs.contains(tokens_[i + 1])) {
        return true;
      }
      if (lexicon_.future_words.contains(w) ||
          (Is(w, "be") && i + 1 < last && Is(tokens_[i + 1], "held"))) {
        return true;
      }
    }
    return false;
  }

  // The index after a month token at i - 1 and, when the month is
  // abbreviated, its dot ("Sept. 7"); a dot after a full month name ends
  // the sentence.
  size_t SkipDot(size_t i, size_t end) const {
    return IsAt(i, end, ".") && lexicon_.month_abbreviations.contains(tokens_[i - 1])
               ? i + 1
               : i;
  }

  bool Match(size_t i, size_t end, DateMention& m) const {
    const Token& t = tokens_[i];
    // Dates open with a number, a month, a weekday, a relative opener or a
    // count ("two years ago").
    if (t.kind == Token::Kind::kPunct ||
        (t.kind == Token::Kind::kWord && !lexicon_.relative_date_openers.contains(t) &&
         lexicon_.date_count_words.Value(t) == 0 && MonthOf(t) == 0 &&
         WeekdayOf(t) < 0)) {
      return false;
    }
    m.first = i;
    // Month-first: "March 3, 2031", "Jan. 17", "October 2030", "in November".
    if (int month = MonthOf(t); month && (t.capitalized || t.lower.size() > 3)) {
      if (Is(t, "may") && !t.capitalized) return false;
      size_t j = SkipDot(i + 1, end);
      int day = j < end ? NumberOf(tokens_[j]) : -1;
      if (IsDay(day)) {
        size_t k = j + 1;
        if (IsAt(k, end, ",")) ++k;
        int year = k < end ? NumberOf(tokens_[k]) : -1;
        m.date.set_month(month);
        m.date.set_day(day);
        if (IsYear(year)) {
          m.date.set_year(year);
          m.last = k + 1;
        } else {
          m.relative = true;
          m.rule = DateMention::Rule::kMonthDay;
          m.last = j + 1;
        }
        return true;
      }
      int year = j < end ? NumberOf(tokens_[j]) : -1;
      if (IsYear(year)) {
        m.date.set_year(year);
        m.date.set_month(month);
        m.last = j + 1;
        return true;
      }
      // A month alone needs a preposition before it ("in November"), so
      // that "May" the verb and names stay out.
      if (!t.capitalized || i == 0) return false;
      const Token& before = tokens_[i - 1];
      if (Is(before, "in") || Is(before, "since") || Is(before, "until") ||
          Is(before, "by") || Is(before, "last") || Is(before, "next") ||
          Is(before, "this") || Is(before, "early") || Is(before, "late") ||
          Is(before, "mid") || Is(before, "during")) {
        m.date.set_month(month);
        m.relative = true;
        m.rule = DateMention::Rule::kMonth;
        m.offset = Is(before, "next") ? 1 : 0;
        m.last = i + 1;
        return true;
      }
      return false;
    }
    // Day-first: "3 March 2031", "3 March".
    if (int day = NumberOf(t); IsDay(day) && i + 1 < end) {
      int month = MonthOf(tokens_[i + 1]);
      if (month && tokens_[i + 1].capitalized) {
        size_t j = SkipDot(i + 2, end);
        if (IsAt(j, end, ",")) ++j;
        int year = j < end ? NumberOf(tokens_[j]) : -1;
        m.date.set_month(month);
        m.date.set_day(day);
        if (IsYear(year)) {
          m.date.set_year(year);
          m.last = j + 1;
        } else {
          m.relative = true;
          m.rule = DateMention::Rule::kMonthDay;
          m.last = SkipDot(i + 2, end);
        }
        return true;
      }
    }
    // A year after a preposition: "in 2025", "since 2019".
    if (int year = NumberOf(t); IsYear(year) && i > 0) {
      const Token& before = tokens_[i - 1];
      if (Is(before, "in") || Is(before, "since") || Is(before, "during") ||
          Is(before, "until") || Is(before, "by") || Is(before, "of") ||
          Is(before, "from") || Is(before, "to")) {
        m.date.set_year(year);
        m.last = i + 1;
        return true;
      }
      return false;
    }
    if (Is(t, "today") || Is(t, "yesterday") || Is(t, "tomorrow") || Is(t, "tonight")) {
      m.relative = true;
      m.rule = DateMention::Rule::kDayOffset;
      m.offset = Is(t, "yesterday") ? -1 : Is(t, "tomorrow") ? 1 : 0;
      m.last = i + 1;
      return true;
    }
    // "last night", "this morning": the anchor's day or the one before.
    if ((Is(t, "last") || Is(t, "this")) && i + 1 < end &&
        (Is(tokens_[i + 1], "night") || Is(tokens_[i + 1], "morning") ||
         Is(tokens_[i + 1], "afternoon") || Is(tokens_[i + 1], "evening"))) {
      m.relative = true;
      m.rule = DateMention::Rule::kDayOffset;
      m.offset = Is(t, "last") && Is(tokens_[i + 1], "night") ? -1 : 0;
      m.last = i + 2;
      return true;
    }
    if (int weekday = WeekdayOf(t); weekday >= 0 && t.capitalized) {
      m.relative = true;
      m.rule = DateMention::Rule::kWeekday;
      m.offset = weekday;
      m.first =
          i > 0 && (Is(tokens_[i - 1], "on") || Is(tokens_[i - 1], "last")) ? i - 1 : i;
      m.last = i + 1;
      return true;
    }
    if ((Is(t, "last") || Is(t, "this") || Is(t, "next")) && i + 1 < end &&
        (Is(tokens_[i + 1], "year") || Is(tokens_[i + 1], "month") ||
         Is(tokens_[i + 1], "week"))) {
      m.relative = true;
      const int offset = Is(t, "last") ? -1 : Is(t, "next") ? 1 : 0;
      const Token& unit = tokens_[i + 1];
      if (Is(unit, "year")) {
        m.rule = DateMention::Rule::kYearOffset;
        m.offset = offset;
      } else if (Is(unit, "month")) {
        m.rule = DateMention::Rule::kMonthOffset;
        m.offset = offset;
      } else {
        m.rule = DateMention::Rule::kWeekOffset;
        m.offset = offset;
      }
      m.last = i + 2;
      return true;
    }
    // "two years ago", "a month ago", "3 weeks ago".
    if (int count = CountOf(t); count > 0 && i + 2 < end && Is(tokens_[i + 2], "ago")) {
      const Token& unit = tokens_[i + 1];
      if (Is(unit, "year") || Is(unit, "years")) {
        m.rule = DateMention::Rule::kYearOffset;
      } else if (Is(unit, "month") || Is(unit, "months")) {
        m.rule = DateMention::Rule::kMonthOffset;
      } else if (Is(unit, "week") || Is(unit, "weeks")) {
        m.rule = DateMention::Rule::kWeekOffset;
      } else {
        return false;
      }
      m.relative = true;
      m.offset = -count;
      m.last = i + 3;
      return true;
    }
    return false;
  }

  const Document& doc_;
  const std::vector<Token>& tokens_;
  const Lexicon& lexicon_;
  std::vector<DateMention> mentions_;
};

void SetDay(v1::Date& date, absl::CivilDay day) {
  date.set_year(static_cast<int>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
}

}  // namespace

std::vector<DateMention> FindDates(const Document& doc, const Lexicon& lexicon) {
  return Finder(doc, lexicon).Run();
}

std::optional<absl::CivilDay> ToCivilDay(const v1::Date& date) {
  if (date.year() == 0 || date.month() == 0 || date.day() == 0) return std::nullopt;
  absl::CivilDay day(date.year(), date.month(), date.day());
  if (day.year() != date.year() || day.month() != date.month() ||
      day.day() != date.day()) {
    return std::nullopt;
  }
  return day;
}

bool Resolve(DateMention& m, const std::optional<absl::CivilDay>& anchor) {
  if (!m.relative) return true;
  if (!anchor.has_value()) return false;
  const absl::CivilDay a = *anchor;
  switch (m.rule) {
    case DateMention::Rule::kNone:
      return true;
    case DateMention::Rule::kMonthDay: {
      // The year that puts the date nearest the anchor.
      int best_year = static_cast<int>(a.year());
      int64_t best_distance = INT64_MAX;
      for (int year = static_cast<int>(a.year()) - 1; year <= a.year() + 1; ++year) {
        absl::CivilDay day(year, m.date.month(), m.date.day());
        const int64_t distance = std::llabs(day - a);
        if (distance < best_distance) {
          best_distance = distance;
          best_year = year;
        }
      }
      m.date.set_year(best_year);
      return true;
    }
    case DateMention::Rule::kMonth: {
      int year = static_cast<int>(a.year());
      if (m.offset > 0 || m.future) {
        if (m.date.month() <= a.month()) ++year;
      } else if (m.date.month() > a.month()) {
        --year;
      }
      m.date.set_year(year);
      return true;
    }
    case DateMention::Rule::kDayOffset:
      SetDay(m.date, a + m.offset);
      return true;
    case DateMention::Rule::kWeekOffset:
      // A week is no day: keep its month.
      SetDay(m.date, a + 7 * m.offset);
      m.date.set_day(0);
      return true;
    case DateMention::Rule::kWeekday: {
      const int anchor_weekday = (static_cast<int>(absl::GetWeekday(a)) + 7) % 7;
      int delta = m.offset - anchor_weekday;  // absl: Monday is 0.
      if (m.future) {
        if (delta < 0) delta += 7;
      } else if (delta > 0) {
        delta -= 7;
      }
      SetDay(m.date, a + delta);
      return true;
    }
    case DateMention::Rule::kYearOffset:
      m.date.set_year(static_cast<int>(a.year()) + m.offset);
      return true;
    case DateMention::Rule::kMonthOffset: {
      absl::CivilMonth month = absl::CivilMonth(a) + m.offset;
      m.date.set_year(static_cast<int>(month.year()));
      m.date.set_month(month.month());
      return true;
    }
  }
  return false;
}

}  // namespace summit::extractor
