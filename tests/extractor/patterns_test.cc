// The extractor on short texts, one pattern at a time: the phrasings the
// issue names, in texts unlike the corpus.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "extractor/extractor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Extraction Extract(const std::string& text, int year = 0, int month = 0, int day = 0) {
  v1::Article article;
  article.set_text(text);
  article.mutable_published()->set_year(year);
  article.mutable_published()->set_month(month);
  article.mutable_published()->set_day(day);
  return Extractor().Extract(article);
}

std::vector<std::string> People(const v1::Summit& summit) {
  std::vector<std::string> people;
  for (const auto& p : summit.participants()) {
    people.push_back(p.display_name() + "|" + p.title() + "|" + p.country_code());
  }
  return people;
}

TEST(PatternsTest, CounterpartAndPossessiveCountry) {
  const auto response = Extract(
      "Prime Minister of New Zealand John Key held talks in Wellington with his "
      "Australian "
      "counterpart Malcolm Turnbull on 3 March 2016. Key said the two leaders had agreed "
      "to cooperate on agriculture.");
  ASSERT_TRUE(response.summit.has_value()) << response.not_summit_reason;
  EXPECT_THAT(People(*response.summit), ElementsAre("Malcolm Turnbull|Prime Minister|AUS",
                                                    "John Key|Prime Minister|NZL"));
  EXPECT_EQ(response.summit->name(), "summits/2016-03-03-wellington-aus-nzl");
}

TEST(PatternsTest, PossessiveLeaderAndDescriptor) {
  const auto response = Extract(
      "Russia's Vladimir Putin met Kenyan President William Ruto in Sochi on Tuesday. "
      "The "
      "Kenyan president said Kenya wanted more wheat. President Putin stressed energy "
      "ties.",
      2026, 6, 11);
  ASSERT_TRUE(response.summit.has_value()) << response.not_summit_reason;
  EXPECT_THAT(People(*response.summit),
              ElementsAre("William Ruto|President|KEN", "Vladimir Putin|President|RUS"));
  EXPECT_EQ(response.summit->date().day(), 9);  // The Tuesday before June 11, 2026.
  ASSERT_EQ(response.summit->statements_size(), 2);
  EXPECT_EQ(response.summit->statements(0).speaker(), "participants/william-ruto");
  EXPECT_EQ(response.summit->statements(1).verb(), "stress");
}

TEST(PatternsTest, SpokespersonsAndExecutivesAreNotParticipants) {
  const auto response = Extract(
      "French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris "
      "on "
      "July 14, 2025. Foreign ministry spokesperson Jean Dupont said the talks went "
      "well. "
      "Airbus chief executive Guillaume Faury said orders would follow.");
  ASSERT_TRUE(response.summit.has_value());
  EXPECT_THAT(People(*response.summit), ElementsAre("Emmanuel Macron|President|FRA",
                                                    "Narendra Modi|Prime Minister|IND"));
}

TEST(PatternsTest, MoneyInManyWritings) {
  const auto response = Extract(
      "Chinese President Xi Jinping met Brazilian President Lula in Beijing on May 13, "
      "2025. "
      "They signed deals worth more than $10 billion and a 1 trillion yuan credit line, "
      "plus 1 trillion dollars of pledges and 2.5bn euros of loans.");
  ASSERT_TRUE(response.summit.has_value());
  std::vector<std::string> amounts;
  for (const auto& a : response.summit->amounts()) {
    amounts.push_back(absl::StrCat(static_cast<int64_t>(a.value()), " ",
                                   a.currency_code(), " ",
                                   v1::AmountQualifier_Name(a.qualifier())));
  }
  EXPECT_THAT(amounts, ElementsAre("10000000000 USD AMOUNT_QUALIFIER_AT_LEAST",
                                   "1000000000000 CNY AMOUNT_QUALIFIER_UNSPECIFIED",
                                   "1000000000000 USD AMOUNT_QUALIFIER_UNSPECIFIED",
                                   "2500000000 EUR AMOUNT_QUALIFIER_UNSPECIFIED"));
}

TEST(PatternsTest, RelativeDatesNeedAPublicationDate) {
  const std::string text =
      "German Chancellor Olaf Scholz met Japanese Prime Minister Fumio Kishida in Tokyo "
      "yesterday. They agreed to meet again next month.";
  const auto dated = Extract(text, 2024, 3, 19);
  ASSERT_TRUE(dated.summit.has_value());
  EXPECT_EQ(dated.summit->date().month(), 3);
  EXPECT_EQ(dated.summit->date().day(), 18);
  const auto undated = Extract(text);
  ASSERT_TRUE(undated.summit.has_value());
  EXPECT_EQ(undated.summit->date().year(), 0);
  EXPECT_THAT(undated.warnings,
              ::testing::Contains(HasSubstr("\"yesterday\" left unresolved")));
}

TEST(PatternsTest, AbbreviatedMonthAndDayFirstDates) {
  const auto a = Extract(
      "Turkish President Recep Tayyip Erdoğan met Egyptian President Abdel Fattah "
      "al-Sisi "
      "in Ankara on Feb. 7.",
      2026, 2, 9);
  ASSERT_TRUE(a.summit.has_value());
  EXPECT_EQ(a.summit->name(), "summits/2026-02-07-ankara-egy-tur");
  EXPECT_EQ(a.summit->participants(1).participant(), "participants/recep-tayyip-erdogan");
  const auto b = Extract(
      "Indian Prime Minister Narendra Modi and Japanese Prime Minister Shigeru Ishiba "
      "held "
      "talks in Tokyo on 29 August 2025.");
  ASSERT_TRUE(b.summit.has_value());
  EXPECT_EQ(b.summit->name(), "summits/2025-08-29-tokyo-ind-jpn");
}

TEST(PatternsTest, SportsAndBusinessAreNotSummits) {
  EXPECT_FALSE(
      Extract("The club president met the squad before Real Madrid beat Barcelona "
              "3-1 in the Clasico summit on Sunday.")
          .summit.has_value());
  const auto earnings = Extract(
      "Acme Corp chief executive Jane Roe told analysts at a meeting on Tuesday that "
      "revenue rose to $4.2 billion.");
  EXPECT_FALSE(earnings.summit.has_value());
  EXPECT_FALSE(earnings.not_summit_reason.empty());
}

TEST(PatternsTest, EmptyAndOddTextsAreHandled) {
  EXPECT_FALSE(Extract("").summit.has_value());
  EXPECT_FALSE(Extract("\xFF\xFE\x00 garbage \xC3").summit.has_value());
  EXPECT_FALSE(Extract(std::string(100000, 'a')).summit.has_value());
}

TEST(PatternsTest, MeetingsHeldSomeYearsAgoAndDatedActionsMonthsAgo) {
  const auto response = Extract(
      "Chilean President Gabriel Boric received Argentine President Javier Milei in "
      "Santiago on 2 September 2026. The two presidents recalled the border commission "
      "held in Buenos Aires three years ago. Argentina reopened the Cristo Redentor pass "
      "two "
      "months ago.",
      2026, 9, 3);
  ASSERT_TRUE(response.summit.has_value()) << response.not_summit_reason;
  std::vector<std::string> engagements;
  for (const auto& e : response.summit->related_engagements()) {
    engagements.push_back(absl::StrCat(e.event_name(), "|", e.date().year(), "-",
                                       e.date().month(), "|", e.location().city()));
  }
  EXPECT_THAT(engagements, ElementsAre("border commission|2023-0|Buenos Aires",
                                       "reopened the Cristo Redentor pass|2026-7|"));
}

}  // namespace
}  // namespace summit::extractor
