#include "extractor/dates.h"

#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;
using reference::TokenHash;
using reference::TokenSet;

namespace {

// Maps keyed by the tokens' precomputed hashes.
using HashMap = absl::flat_hash_map<uint64_t, int>;

HashMap ByHash(std::initializer_list<std::pair<const char*, int>> entries) {
  HashMap map;
  for (const auto& [word, value] : entries) map[TokenHash(word)] = value;
  return map;
}

int MonthOf(const Token& token) {
  static const auto* const kMonths = new HashMap(ByHash(
      {{"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
       {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
       {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
       {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
       {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12}}));
  auto it = kMonths->find(token.hash);
  return it == kMonths->end() ? 0 : it->second;
}

int WeekdayOf(const Token& token) {
  static const auto* const kDays = new HashMap(ByHash({{"monday", 0},
                                                       {"tuesday", 1},
                                                       {"wednesday", 2},
                                                       {"thursday", 3},
                                                       {"friday", 4},
                                                       {"saturday", 5},
                                                       {"sunday", 6}}));
  auto it = kDays->find(token.hash);
  return it == kDays->end() ? -1 : it->second;
}

// A plain number token's value, or -1.
int NumberOf(const Token& token) {
  int value = 0;
  if (token.kind != Token::Kind::kNumber || !absl::SimpleAtoi(token.lower, &value))
    return -1;
  return value;
}

// Counts in words; kCountWords's bloom filter turns most tokens away before
// any lookup.
const HashMap& CountWords() {
  static const auto* const kWords = new HashMap(
      ByHash({{"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4},
              {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}}));
  return *kWords;
}

bool IsCountWord(const Token& token) {
  static const auto* const kCountWords = new TokenSet{
      "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  return kCountWords->contains(token);
}

// A small count in digits or words ("3", "three", "a"); 0 when not one.
int CountOf(const Token& token) {
  if (int value = NumberOf(token); value >= 1 && value <= 100) return value;
  if (!IsCountWord(token)) return 0;
  auto it = CountWords().find(token.hash);
  return it == CountWords().end() ? 0 : it->second;
}

bool IsYear(int value) { return value >= 1900 && value <= 2100; }
bool IsDay(int value) { return value >= 1 && value <= 31; }

class Finder {
 public:
  explicit Finder(const Document& doc) : doc_(doc), tokens_(doc.tokens()) {}

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
  bool IsAt(size_t i, size_t end, absl::string_view word) const {
    return i < end && Is(tokens_[i], word);
  }

  // Whether tokens [first, last) say what follows is to come.
  bool IsFuture(size_t first, size_t last) const {
    for (size_t i = first; i < last; ++i) {
      const Token& w = tokens_[i];
      // "agreed to meet ... in October": an intention.
      if (Is(w, "to") && i + 1 < last &&
          (Is(tokens_[i + 1], "meet") || Is(tokens_[i + 1], "hold") ||
           Is(tokens_[i + 1], "visit") || Is(tokens_[i + 1], "attend"))) {
        return true;
      }
      if (Is(w, "will") || Is(w, "upcoming") || Is(w, "scheduled") || Is(w, "plans") ||
          Is(w, "planned") || Is(w, "expected") || Is(w, "due") || Is(w, "next") ||
          (Is(w, "be") && i + 1 < last && Is(tokens_[i + 1], "held"))) {
        return true;
      }
    }
    return false;
  }

  // After a month token at i (and an optional "."), the next index.
  size_t SkipDot(size_t i, size_t end) const { return IsAt(i, end, ".") ? i + 1 : i; }

  bool Match(size_t i, size_t end, DateMention& m) const {
    static const auto* const kOpeners =
        new TokenSet{"today", "yesterday", "tomorrow", "last", "this", "next"};
    const Token& t = tokens_[i];
    // Dates open with a number, a month, a weekday, one of kOpeners or a
    // count ("two years ago").
    if (t.kind == Token::Kind::kPunct ||
        (t.kind == Token::Kind::kWord && !kOpeners->contains(t) && !IsCountWord(t) &&
         MonthOf(t) == 0 && WeekdayOf(t) < 0)) {
      return false;
    }
    m.first = i;
    // Month-first: "January 17, 2026", "Jan. 17", "October 2025", "in November".
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
    // Day-first: "17 January 2026", "17 January".
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
    if (Is(t, "today") || Is(t, "yesterday") || Is(t, "tomorrow")) {
      m.relative = true;
      m.rule = DateMention::Rule::kDayOffset;
      m.offset = Is(t, "today") ? 0 : Is(t, "yesterday") ? -1 : 1;
      m.last = i + 1;
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
  std::vector<DateMention> mentions_;
};

void SetDay(v1::Date& date, absl::CivilDay day) {
  date.set_year(static_cast<int>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
}

}  // namespace

std::vector<DateMention> FindDates(const Document& doc) { return Finder(doc).Run(); }

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
