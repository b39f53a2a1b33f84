// FindDates, Resolve and ToCivilDay: absolute and relative date expressions.
#include "extractor/dates.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "extractor/lexicon.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using Rule = DateMention::Rule;

// "2026-1-17" for a date, "0-0-0" when nothing is known.
std::string Ymd(const v1::Date& date) {
  return absl::StrCat(date.year(), "-", date.month(), "-", date.day());
}

// Each mention of `text` as "its text=Y-M-D", resolved against `anchor`.
std::vector<std::string> Resolved(const std::string& text,
                                  std::optional<absl::CivilDay> anchor) {
  const Document doc(text);
  std::vector<std::string> out;
  for (DateMention mention : FindDates(doc, Lexicon::Get())) {
    Resolve(mention, anchor);
    out.push_back(
        absl::StrCat(doc.TextOf(mention.first, mention.last), "=", Ymd(mention.date)));
  }
  return out;
}

TEST(DatesTest, PartsOfTheDayAndOrdinalDays) {
  EXPECT_THAT(Resolved("They dined last night and met this morning; more talks tonight.",
                       absl::CivilDay(2026, 2, 23)),
              ElementsAre("last night=2026-2-22", "this morning=2026-2-23",
                          "tonight=2026-2-23"));
  EXPECT_THAT(Resolved("The summit opened at 10 am on May 27th, 2024.", std::nullopt),
              ElementsAre("May 27th, 2024=2024-5-27"));
}

TEST(DatesTest, AbsoluteForms) {
  const Document doc(
      "They met on January 17, 2026 and on 3 March 2025, talked in October 2025 and "
      "traded since 2019.");
  const std::vector<DateMention> mentions = FindDates(doc, Lexicon::Get());
  ASSERT_EQ(mentions.size(), 4u);
  EXPECT_EQ(doc.TextOf(mentions[0].first, mentions[0].last), "January 17, 2026");
  EXPECT_EQ(Ymd(mentions[0].date), "2026-1-17");
  EXPECT_EQ(mentions[0].Precision(), 3);
  EXPECT_EQ(doc.TextOf(mentions[1].first, mentions[1].last), "3 March 2025");
  EXPECT_EQ(Ymd(mentions[1].date), "2025-3-3");
  EXPECT_EQ(doc.TextOf(mentions[2].first, mentions[2].last), "October 2025");
  EXPECT_EQ(Ymd(mentions[2].date), "2025-10-0");
  EXPECT_EQ(mentions[2].Precision(), 2);
  EXPECT_EQ(doc.TextOf(mentions[3].first, mentions[3].last), "2019");
  EXPECT_EQ(Ymd(mentions[3].date), "2019-0-0");
  EXPECT_EQ(mentions[3].Precision(), 1);
  for (const DateMention& mention : mentions) {
    EXPECT_FALSE(mention.relative);
    EXPECT_EQ(mention.rule, Rule::kNone);
  }
}

TEST(DatesTest, NumbersAndMonthWordsThatAreNoDates) {
  // A year needs a preposition; "may" the verb and a bare month are no dates.
  EXPECT_TRUE(
      FindDates(Document("The 2025 plan may grow. March on."), Lexicon::Get()).empty());
  EXPECT_TRUE(FindDates(Document("Leaders may meet soon."), Lexicon::Get()).empty());
  EXPECT_THAT(Resolved("They may meet on May 5.", absl::CivilDay(2026, 4, 1)),
              ElementsAre("May 5=2026-5-5"));
}

TEST(DatesTest, MonthAndDayTakeTheYearNearestTheAnchor) {
  EXPECT_THAT(Resolved("They met on Feb. 7.", absl::CivilDay(2026, 2, 9)),
              ElementsAre("Feb. 7=2026-2-7"));
  // Early January: "December 30" is the one just past.
  EXPECT_THAT(Resolved("They met on December 30.", absl::CivilDay(2026, 1, 2)),
              ElementsAre("December 30=2025-12-30"));
  EXPECT_THAT(Resolved("They meet on 2 January in Rome.", absl::CivilDay(2025, 12, 29)),
              ElementsAre("2 January=2026-1-2"));
}

TEST(DatesTest, DayFirstDateAtTheEndOfASentence) {
  EXPECT_THAT(Resolved("They meet on 2 January.", absl::CivilDay(2025, 12, 29)),
              ElementsAre("2 January=2026-1-2"));
}

TEST(DatesTest, DayOffsetsWeeksMonthsAndYears) {
  const absl::CivilDay anchor(2026, 1, 15);  // A Thursday.
  EXPECT_THAT(
      Resolved("Talks today, yesterday and tomorrow.", anchor),
      ElementsAre("today=2026-1-15", "yesterday=2026-1-14", "tomorrow=2026-1-16"));
  EXPECT_THAT(
      Resolved("It grew last year, fell last month, rose last week.", anchor),
      ElementsAre("last year=2025-0-0", "last month=2025-12-0", "last week=2026-1-0"));
  EXPECT_THAT(Resolved("They met two years ago, 3 months ago and a week ago.", anchor),
              ElementsAre("two years ago=2024-0-0", "3 months ago=2025-10-0",
                          "a week ago=2026-1-0"));
}

TEST(DatesTest, WeekdayIsThePastOneUnlessTheSentenceIsAboutTheFuture) {
  const absl::CivilDay thursday(2026, 6, 11);
  EXPECT_THAT(Resolved("They met on Tuesday.", thursday),
              ElementsAre("on Tuesday=2026-6-9"));
  EXPECT_THAT(Resolved("They will meet on Tuesday.", thursday),
              ElementsAre("on Tuesday=2026-6-16"));
  // The anchor's own weekday is the anchor.
  EXPECT_THAT(Resolved("They met on Thursday.", thursday),
              ElementsAre("on Thursday=2026-6-11"));
  const std::vector<DateMention> future =
      FindDates(Document("They will meet on Tuesday."), Lexicon::Get());
  ASSERT_EQ(future.size(), 1u);
  EXPECT_EQ(future[0].rule, Rule::kWeekday);
  EXPECT_EQ(future[0].offset, 1);  // Monday is 0.
  EXPECT_TRUE(future[0].future);
}

TEST(DatesTest, MonthAloneIsTheLatestOneNotAfterTheAnchorOrTheNextOne) {
  const absl::CivilDay anchor(2026, 6, 11);
  EXPECT_THAT(Resolved("They met in November.", anchor),
              ElementsAre("November=2025-11-0"));
  EXPECT_THAT(Resolved("They met in June.", anchor), ElementsAre("June=2026-6-0"));
  EXPECT_THAT(Resolved("They will meet in March.", anchor),
              ElementsAre("March=2027-3-0"));
  EXPECT_THAT(Resolved("They meet again next November.", anchor),
              ElementsAre("November=2026-11-0"));
}

TEST(DatesTest, RelativeDatesStayUnresolvedWithoutAnAnchor) {
  const Document doc("They met on Tuesday and on Feb. 7, and again last year.");
  std::vector<DateMention> mentions = FindDates(doc, Lexicon::Get());
  ASSERT_EQ(mentions.size(), 3u);
  for (DateMention& mention : mentions) {
    EXPECT_TRUE(mention.relative);
    EXPECT_FALSE(Resolve(mention, std::nullopt));
    EXPECT_EQ(mention.date.year(), 0);
    EXPECT_EQ(mention.date.day(), mention.rule == Rule::kMonthDay ? 7 : 0);
  }
  // An absolute date needs no anchor.
  DateMention absolute = FindDates(Document("on 3 March 2025"), Lexicon::Get())[0];
  EXPECT_TRUE(Resolve(absolute, std::nullopt));
  EXPECT_EQ(Ymd(absolute.date), "2025-3-3");
}

TEST(DatesTest, OutOfRangeDaysAreNoDates) {
  EXPECT_TRUE(
      FindDates(Document("They met on January 32, 2026."), Lexicon::Get()).empty());
  // A day the month does not have is read as written; ToCivilDay rejects it.
  const std::vector<DateMention> mentions =
      FindDates(Document("on February 30, 2026"), Lexicon::Get());
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(Ymd(mentions[0].date), "2026-2-30");
  EXPECT_EQ(ToCivilDay(mentions[0].date), std::nullopt);
}

TEST(DatesTest, ToCivilDayNeedsAValidFullDate) {
  v1::Date date;
  date.set_year(2024);
  date.set_month(2);
  date.set_day(29);
  EXPECT_EQ(ToCivilDay(date), absl::CivilDay(2024, 2, 29));
  date.set_year(2025);
  EXPECT_EQ(ToCivilDay(date), std::nullopt);
  date.set_month(13);
  date.set_day(1);
  EXPECT_EQ(ToCivilDay(date), std::nullopt);
  date.set_month(4);
  date.set_day(0);
  EXPECT_EQ(ToCivilDay(date), std::nullopt);
  EXPECT_EQ(ToCivilDay(v1::Date()), std::nullopt);
}

}  // namespace
}  // namespace summit::extractor
