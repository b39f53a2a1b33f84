// MeetingWindow and LinkLeaders: the leaders of a text linked to the table
// of heads of state and government (reference/data/leaders.json).
#include "extractor/linking.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/extractor/analyzed_text.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "Name|Title|Country|Wikidata id" of every leader of the analysis.
std::vector<std::string> Leaders(const AnalyzedText& text) {
  std::vector<std::string> out;
  for (const Leader& leader : text->leaders()) {
    out.push_back(absl::StrCat(leader.display_name, "|", leader.title, "|",
                               leader.country, "|", leader.wikidata_id));
  }
  return out;
}

// The display names of the participants.
std::vector<std::string> Participants(const AnalyzedText& text) {
  std::vector<std::string> names;
  for (int k : text->participants()) names.push_back(text->leaders()[k].display_name);
  return names;
}

TEST(MeetingWindowTest, TheMeetingDateElseTheMonthBeforePublication) {
  DateMention day;
  day.date.set_year(2024);
  day.date.set_month(2);
  day.date.set_day(29);
  v1::Date published;
  EXPECT_EQ(MeetingWindow(&day, published).first, "2024-02-29");
  EXPECT_EQ(MeetingWindow(&day, published).last, "2024-02-29");
  DateMention month = day;
  month.date.set_day(0);
  EXPECT_EQ(MeetingWindow(&month, published).first, "2024-02-01");
  EXPECT_EQ(MeetingWindow(&month, published).last, "2024-02-29");
  DateMention year = month;
  year.date.set_month(0);
  EXPECT_EQ(MeetingWindow(&year, published).last, "2024-12-31");
  published.set_year(2025);
  published.set_month(3);
  published.set_day(10);
  EXPECT_EQ(MeetingWindow(nullptr, published).first, "2025-02-07");
  EXPECT_EQ(MeetingWindow(nullptr, published).last, "2025-03-10");
  EXPECT_FALSE(MeetingWindow(nullptr, v1::Date()).known());
}

TEST(LinkingTest, TheLinkDecidesTheCountryNameAndId) {
  // The splitter hides "U.S." from the title; the link gives the country.
  const AnalyzedText text(
      "U.S. President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo "
      "on Tuesday. They discussed China and China's navy.",
      2025, 10, 29);
  EXPECT_THAT(Leaders(text), ElementsAre("Donald Trump|President|USA|Q22686",
                                         "Sanae Takaichi|Prime Minister|JPN|Q1705028"));
}

TEST(LinkingTest, ANationalityNearTheNameDoesNotOverrideTheLink) {
  const AnalyzedText text(
      "Chinese assertiveness was on the agenda when President Joe Biden met Japanese "
      "Prime Minister Fumio Kishida in Washington on April 10, 2024.");
  EXPECT_THAT(Participants(text), ElementsAre("Fumio Kishida", "Joe Biden"));
  EXPECT_EQ(text->leaders()[text->participants()[1]].country, "USA");
}

TEST(LinkingTest, TheOfficeHolderOnTheMeetingDateWins) {
  // "Prime Minister Abe" is Shinzo Abe in 2018; the same words name no one
  // in office in 2025.
  const AnalyzedText in_office(
      "Prime Minister Abe of Japan met Chinese Premier Li Keqiang in Beijing on October "
      "26, 2018.");
  EXPECT_THAT(Leaders(in_office), ElementsAre("Shinzō Abe|Prime Minister|JPN|Q132345",
                                              "Li Keqiang|Premier|CHN|Q18111"));
  const AnalyzedText out_of_office(
      "Prime Minister Abe of Japan met Chinese Premier Li Qiang in Beijing on October "
      "26, "
      "2025.");
  EXPECT_THAT(Leaders(out_of_office),
              ElementsAre("Abe|Prime Minister||", "Li Qiang|Premier|CHN|Q4414390"));
}

TEST(LinkingTest, LeadersNamedWithoutATitleAreFound) {
  const AnalyzedText text(
      "Angela Merkel and Emmanuel Macron met in Paris on February 22, 2018, and agreed "
      "on a common line.");
  // Participants are ordered by country code.
  EXPECT_THAT(Participants(text), ElementsAre("Angela Merkel", "Emmanuel Macron"));
  EXPECT_THAT(Leaders(text), ElementsAre("Angela Merkel|Chancellor|DEU|Q567",
                                         "Emmanuel Macron|President|FRA|Q3052772"));
}

TEST(LinkingTest, ASurnameAloneWithoutATitleAddsNoOne) {
  // "Johnson" is many people; alone and untitled it links no one, and
  // "To" (Tô Lâm's family name) is a word.
  const AnalyzedText text(
      "Johnson said the talks in Paris on May 3, 2023 went well. To start, the Kenyan "
      "President William Ruto met Ethiopian Prime Minister Abiy Ahmed.");
  EXPECT_THAT(Leaders(text), ElementsAre("William Ruto|President|KEN|Q195725",
                                         "Abiy Ahmed Ali|Prime Minister|ETH|Q50365049"));
}

TEST(LinkingTest, TwoSpellingsOfOnePersonAreOneLeader) {
  const AnalyzedText text(
      "President Recep Tayyip Erdoğan met Egyptian President Abdel Fattah el-Sisi in "
      "Cairo on February 4, 2026. Recep Tayyip Erdogan said ties were strong.");
  const std::vector<std::string> leaders = Leaders(text);
  EXPECT_EQ(
      std::count_if(leaders.begin(), leaders.end(),
                    [](const std::string& l) { return l.find("Q39259") != l.npos; }),
      1);
}

TEST(LinkingTest, AMisspeltGivenNameLinksByTheSurnameAndCountry) {
  const AnalyzedText text(
      "Turkish President Recep Teyyip Erdogan met Iranian President Ebrahim Raisi in "
      "Tehran on July 19, 2022.");
  EXPECT_THAT(Leaders(text), ElementsAre("Recep Tayyip Erdoğan|President|TUR|Q39259",
                                         "Ebrahim Raisi|President|IRN|Q5947347"));
}

TEST(LinkingTest, ANamesakeOfTheSurnameIsNotTheLeader) {
  // "Hussein bin Talal" shares one word with a prime minister named
  // Hussein; half his name is not enough.
  const AnalyzedText text(
      "King Abdullah II met President Emmanuel Macron in Amman on October 6, 2024, and "
      "recalled the late King Hussein bin Talal.");
  const std::vector<std::string> leaders = Leaders(text);
  EXPECT_THAT(leaders, ::testing::Contains("Hussein bin Talal|King||"));
  EXPECT_THAT(Participants(text), ElementsAre("Emmanuel Macron", "Abdullah II"));
}

TEST(LinkingTest, AnOfficeTheTableGivesToSomeoneElseIsNotHeld) {
  // Nixon was no president in 2022: a retrospective is not a summit.
  const AnalyzedText text(
      "Fifty years ago US President Richard Nixon met Chinese Premier Zhou Enlai in "
      "Beijing, the visit that changed the Cold War.",
      2022, 2, 21);
  EXPECT_FALSE(text->not_summit_reason().empty());
  EXPECT_THAT(text->participants(), IsEmpty());
}

TEST(LinkingTest, ACounterpartIsTheOneLeaderOfItsCountry) {
  const AnalyzedText text(
      "Anthony Albanese and Sanae Takaichi held a video call on Friday. Mr Albanese told "
      "his Japanese counterpart that gas supplies were secure.",
      2026, 7, 13);
  const Leader& takaichi = text->leaders()[text->participants()[1]];
  ASSERT_EQ(takaichi.display_name, "Sanae Takaichi");
  std::vector<std::string> mentions;
  for (const auto& [first, last] : takaichi.mentions) {
    mentions.emplace_back(text->doc().TextOf(first, last));
  }
  EXPECT_THAT(mentions, ElementsAre("Sanae Takaichi", "his Japanese counterpart"));
}

TEST(LinkingTest, ForeignMinistersMeetingAloneAreNoSummit) {
  const AnalyzedText text(
      "Chinese Foreign Minister Wang Yi held talks in Madrid with Spanish Foreign "
      "Minister "
      "José Manuel Albares on October 14, 2026. Wang said both countries should build on "
      "the consensus of President Xi Jinping and Prime Minister Pedro Sánchez.");
  EXPECT_EQ(text->not_summit_reason(),
            "no meeting between heads of state or government of two or more countries is "
            "reported");
}

}  // namespace
}  // namespace summit::extractor
