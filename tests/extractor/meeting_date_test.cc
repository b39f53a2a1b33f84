// ResolveDates, ChooseMeetingDate and the FindDate finder.
#include "extractor/meeting_date.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "extractor/finders.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/extractor/analyzed_text.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string Ymd(const v1::Date& date) {
  return absl::StrCat(date.year(), "-", date.month(), "-", date.day());
}

v1::Date MakeDate(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// The meeting date's text and value, or "none".
std::string MeetingDate(const AnalyzedText& a) {
  const DateMention* date = a->meeting_date();
  if (date == nullptr) return "none";
  return absl::StrCat(a->doc().TextOf(date->first, date->last), "=", Ymd(date->date));
}

TEST(ResolveDatesTest, AgainstThePublicationDate) {
  const Document doc("They met on Tuesday.");
  const ResolvedDates dates =
      ResolveDates(doc, Lexicon::Get(), MakeDate(2026, 6, 11), {});
  ASSERT_EQ(dates.mentions.size(), 1u);
  EXPECT_EQ(Ymd(dates.mentions[0].date), "2026-6-9");
  EXPECT_THAT(dates.warnings, IsEmpty());
}

TEST(ResolveDatesTest, AgainstTheFirstAbsoluteDayWithoutAPublicationDate) {
  const Document doc("The leaders met on Tuesday. A deal was signed on June 11, 2026.");
  const ResolvedDates dates = ResolveDates(doc, Lexicon::Get(), v1::Date(), {});
  ASSERT_EQ(dates.mentions.size(), 2u);
  EXPECT_EQ(Ymd(dates.mentions[0].date), "2026-6-9");
  EXPECT_THAT(dates.warnings, IsEmpty());
}

TEST(ResolveDatesTest, DaysOfOtherEventsAreNoAnchor) {
  const Document doc(
      "The G20 Summit opened on June 11, 2026. The leaders met on Tuesday.");
  const ResolvedDates dates =
      ResolveDates(doc, Lexicon::Get(), v1::Date(), /*event_sentences=*/{0});
  ASSERT_EQ(dates.mentions.size(), 2u);
  EXPECT_EQ(Ymd(dates.mentions[1].date), "0-0-0");
  EXPECT_THAT(
      dates.warnings,
      ElementsAre("no publication date: relative date \"on Tuesday\" left unresolved"));
}

TEST(ResolveDatesTest, AnIncompletePublicationDateIsNoAnchor) {
  const Document doc("They met yesterday.");
  const ResolvedDates dates = ResolveDates(doc, Lexicon::Get(), MakeDate(2026, 6, 0), {});
  ASSERT_EQ(dates.mentions.size(), 1u);
  EXPECT_EQ(dates.mentions[0].date.year(), 0);
  EXPECT_EQ(dates.warnings.size(), 1u);
}

TEST(MeetingDateTest, MostPreciseDateOfAMeetingSentence) {
  const AnalyzedText a(
      "Exports rose on March 1, 2026. The leaders met in Rome in March 2026 and agreed "
      "to "
      "meet again in 2027.");
  EXPECT_EQ(MeetingDate(a), "March 2026=2026-3-0");
}

TEST(MeetingDateTest, EarlierSentenceWinsAmongEquallyPreciseDates) {
  const AnalyzedText a(
      "The leaders met on 3 May 2026 in Rome. They held talks again on 4 May 2026.");
  EXPECT_EQ(MeetingDate(a), "3 May 2026=2026-5-3");
}

TEST(MeetingDateTest, AFullDateOfAnEventTheMeetingMayBe) {
  const AnalyzedText a(
      "The leaders met in November 2024. They held talks at the G20 Summit on November "
      "19, "
      "2024.");
  EXPECT_EQ(MeetingDate(a), "November 19, 2024=2024-11-19");
}

TEST(MeetingDateTest, DatelineWhenNoMeetingSentenceIsDated) {
  const AnalyzedText a(
      "NAIROBI, Jan. 17 — The two presidents praised the ties. They met for two hours.",
      2026, 1, 18);
  EXPECT_EQ(MeetingDate(a), "Jan. 17=2026-1-17");
}

TEST(MeetingDateTest, AnOlderDateThanAMonthBeforePublicationIsAnotherMeetings) {
  // Published on November 11: "in June" is an earlier meeting's month,
  // and the dateline dates this one.
  const AnalyzedText a(
      "SEOUL, Nov. 11, 2026 — The two presidents appeared together. After meeting in "
      "June, they had hoped for a deal by now.",
      2026, 11, 11);
  EXPECT_EQ(MeetingDate(a), "Nov. 11, 2026=2026-11-11");
  // With nothing nearer, the older date stands.
  const AnalyzedText only(
      "The two presidents had met in Rome in June 2026 and agreed on a plan.", 2026, 11,
      11);
  EXPECT_EQ(MeetingDate(only), "June 2026=2026-6-0");
}

TEST(MeetingDateTest, AnAttendancePhraseDatesTheMeeting) {
  const AnalyzedText a(
      "Prime Minister Abiy Ahmed and President William Ruto attend a signing ceremony in "
      "Nairobi, Kenya, March 5, 2026. The two leaders arrived on Wednesday and met for "
      "talks on Thursday.",
      2026, 3, 6);
  EXPECT_EQ(MeetingDate(a), "March 5, 2026=2026-3-5");
}

TEST(MeetingDateTest, NoneWhenUndatedOrUnresolved) {
  EXPECT_EQ(MeetingDate(AnalyzedText("The leaders met in Rome.")), "none");
  // Tuesday of which week? Without an anchor its year is 0: no date.
  EXPECT_EQ(MeetingDate(AnalyzedText("The leaders met on Tuesday.")), "none");
}

TEST(FindDateTest, SetsTheMeetingsDate) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Tuesday.",
      2026, 6, 11);
  v1::Summit summit;
  std::vector<std::string> warnings;
  FindDate(*a, summit, warnings);
  EXPECT_EQ(Ymd(summit.date()), "2026-6-9");
  EXPECT_THAT(warnings, IsEmpty());
}

TEST(FindDateTest, WarnsWhenTheDateIsNotStated) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in "
      "Nairobi.");
  v1::Summit summit;
  std::vector<std::string> warnings;
  FindDate(*a, summit, warnings);
  EXPECT_FALSE(summit.has_date());
  EXPECT_THAT(warnings, ElementsAre("the meeting's date is not stated"));
}

}  // namespace
}  // namespace summit::extractor
