// FindEvents and EventSentences: named events other than the meeting.
#include "extractor/events.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

struct Found {
  explicit Found(const std::string& t) : text(t), doc(text) {
    events = FindEvents(doc, Lexicon::Get());
  }
  // The name of each event.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const Event& e : events) names.emplace_back(doc.TextOf(e.first, e.last));
    return names;
  }
  std::string Mention(const Event& e) const {
    return std::string(doc.TextOf(e.mention_first, e.last));
  }
  const std::string text;
  const Document doc;
  std::vector<Event> events;
};

TEST(EventsTest, NameWithOrdinal) {
  const Found found(
      "Both leaders attended the 32nd APEC Economic Leaders' Meeting in Lima.");
  ASSERT_THAT(found.Names(), ElementsAre("APEC Economic Leaders' Meeting"));
  const Event& event = found.events[0];
  EXPECT_EQ(event.ordinal, 32);
  EXPECT_EQ(event.year, 0);
  EXPECT_EQ(event.sentence, 0);
  EXPECT_EQ(found.Mention(event), "the 32nd APEC Economic Leaders' Meeting");
}

TEST(EventsTest, OrdinalInWords) {
  const Found found("They met before the fifth China-Africa Forum opened.");
  ASSERT_THAT(found.Names(), ElementsAre("China-Africa Forum"));
  EXPECT_EQ(found.events[0].ordinal, 5);
  EXPECT_EQ(found.Mention(found.events[0]), "the fifth China-Africa Forum");
}

TEST(EventsTest, YearAfterTheHead) {
  const Found found("Saudi Arabia will host Expo 2030 in Riyadh.");
  ASSERT_THAT(found.Names(), ElementsAre("Expo 2030"));
  EXPECT_EQ(found.events[0].year, 2030);
  EXPECT_EQ(found.events[0].ordinal, 0);
  EXPECT_EQ(found.Mention(found.events[0]), "Expo 2030");
}

TEST(EventsTest, LowerCaseHeadAfterACapitalizedWord) {
  const Found found("They spoke on the sidelines of the NATO summit.");
  ASSERT_THAT(found.Names(), ElementsAre("NATO summit"));
  EXPECT_EQ(found.Mention(found.events[0]), "the NATO summit");
}

TEST(EventsTest, NamesJoinedByOfAndAnd) {
  const Found found(
      "The Economic and Trade Commission met. So did the Council of Europe Summit.");
  EXPECT_THAT(found.Names(),
              ElementsAre("Economic and Trade Commission", "Council of Europe Summit"));
  EXPECT_EQ(found.events[1].sentence, 1);
}

TEST(EventsTest, BareHeadsAndSentenceInitialWordsAreNoEvents) {
  EXPECT_THAT(Found("The Summit opened with a speech.").events, IsEmpty());
  EXPECT_THAT(Found("Leaders held talks at the summit.").events, IsEmpty());
  // "Trade" opens the sentence: it is capitalized as any first word is.
  EXPECT_THAT(Found("Trade talks resumed on Monday.").events, IsEmpty());
}

TEST(EventsTest, EventSentencesAreTheSentencesThatNameOne) {
  const Found found(
      "The leaders met in Rome. They will attend the G20 Summit. Trade grew. The "
      "World Economic Forum and the NATO summit follow.");
  EXPECT_THAT(found.Names(),
              ElementsAre("G20 Summit", "World Economic Forum", "NATO summit"));
  EXPECT_THAT(EventSentences(found.events), UnorderedElementsAre(1, 3));
}

}  // namespace
}  // namespace summit::extractor
