// SelectParticipants, MentionIndex, ParticipantNames and the
// FindParticipants finder.
#include "extractor/participants.h"

#include <string>
#include <vector>

#include "extractor/finders.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/extractor/analyzed_text.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The display names of the participants, in their order.
std::vector<std::string> Participants(const Analysis& analysis) {
  std::vector<std::string> names;
  for (int k : analysis.participants())
    names.push_back(analysis.leaders()[k].display_name);
  return names;
}

TEST(SelectParticipantsTest, LeadersOfTwoCountriesOrderedByCountry) {
  const AnalyzedText a(
      "Indian Prime Minister Narendra Modi met French President Emmanuel Macron in "
      "Paris.");
  EXPECT_TRUE(a->not_summit_reason().empty());
  EXPECT_THAT(Participants(*a), ElementsAre("Emmanuel Macron", "Narendra Modi"));
  EXPECT_EQ(a->ParticipantName(a->participants()[0]), "participants/emmanuel-macron");
}

TEST(SelectParticipantsTest, NoMeetingWordIsNoSummit) {
  const AnalyzedText a(
      "Indian Prime Minister Narendra Modi praised French President Emmanuel Macron.");
  EXPECT_EQ(a->not_summit_reason(),
            "no meeting, talks or call between leaders is reported");
  EXPECT_THAT(a->participants(), IsEmpty());
}

TEST(SelectParticipantsTest, OneCountryIsNoSummit) {
  const AnalyzedText a(
      "French President Emmanuel Macron met French Prime Minister François Bayrou in "
      "Paris.");
  EXPECT_EQ(a->leaders().size(), 2u);
  EXPECT_EQ(a->not_summit_reason(),
            "no meeting between heads of state or government of two or more countries is "
            "reported");
  EXPECT_THAT(a->participants(), IsEmpty());
}

TEST(SelectParticipantsTest, LeadersOnlyInASentenceAboutADateToComeAreLeftOut) {
  constexpr char kToCome[] =
      "Both will attend a summit that Peru's Ana Ruiz will host in October.";
  const AnalyzedText dated(
      std::string("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed "
                  "in Nairobi on Monday. ") +
          kToCome,
      2026, 6, 10);
  EXPECT_THAT(Participants(*dated), ElementsAre("Abiy Ahmed Ali", "William Ruto"));

  // Known gap (issue 13): when the meeting itself has no date, the date to
  // come ("in October") is taken for the meeting's, and its sentence then
  // counts as reporting the meeting. This asserts today's wrong answer; when
  // it fails, expect the two leaders above.
  const AnalyzedText undated(
      std::string("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed "
                  "in Nairobi. ") +
          kToCome,
      2026, 6, 10);
  EXPECT_THAT(Participants(*undated),
              ElementsAre("Abiy Ahmed Ali", "William Ruto", "Ana Ruiz"));
}

TEST(SelectParticipantsTest, LeadersOnlyInNegatedOrOtherYearSentencesAreLeftOut) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
      "on "
      "May 5, 2026. Somali President Hassan Sheikh Mohamud did not attend the talks. "
      "Ruto "
      "had met Ghanaian President John Mahama in 2019.");
  EXPECT_EQ(a->leaders().size(), 4u);
  EXPECT_THAT(Participants(*a), ElementsAre("Abiy Ahmed Ali", "William Ruto"));
}

TEST(SelectParticipantsTest, AllLeadersWhenMeetingSentencesNameOneCountry) {
  const AnalyzedText a(
      "Kenyan President William Ruto hosted talks on Monday. Ethiopian Prime Minister "
      "Abiy "
      "Ahmed flew in from Addis Ababa.");
  EXPECT_THAT(Participants(*a), ElementsAre("Abiy Ahmed Ali", "William Ruto"));
}

TEST(SelectParticipantsTest, LeaderNamedWithAPossessiveCountryTakesPart) {
  const AnalyzedText a(
      "Russia's Vladimir Putin met Kenyan President William Ruto in Sochi.");
  EXPECT_TRUE(a->not_summit_reason().empty()) << a->not_summit_reason();
  EXPECT_THAT(Participants(*a), ElementsAre("William Ruto", "Vladimir Putin"));
}

TEST(MentionIndexTest, OwnerAndStartOfEachToken) {
  std::vector<Leader> leaders(2);
  leaders[0].mentions = {{0, 2}, {5, 6}};
  leaders[1].mentions = {{1, 4}};
  const MentionIndex index(8, leaders, {0, 1});
  EXPECT_EQ(index.ParticipantAt(0), 0);
  EXPECT_EQ(index.ParticipantAt(1), 0);  // The first participant keeps the token.
  EXPECT_EQ(index.ParticipantAt(2), 1);
  EXPECT_EQ(index.MentionStart(2), 1u);
  EXPECT_EQ(index.ParticipantAt(5), 0);
  EXPECT_EQ(index.MentionStart(5), 5u);
  EXPECT_EQ(index.ParticipantAt(6), -1);
  EXPECT_EQ(index.MentionStart(6), 6u);
}

TEST(MentionIndexTest, LeadersWhoAreNoParticipantsOwnNothing) {
  std::vector<Leader> leaders(2);
  leaders[0].mentions = {{0, 2}};
  leaders[1].mentions = {{3, 5}};
  const MentionIndex index(6, leaders, {1});
  EXPECT_EQ(index.ParticipantAt(0), -1);
  EXPECT_EQ(index.ParticipantAt(4), 1);
  EXPECT_EQ(index.MentionStart(4), 3u);
}

TEST(ParticipantNamesTest, SlugsOfParticipantsOnly) {
  std::vector<Leader> leaders(3);
  leaders[0].display_name = "Recep Tayyip Erdoğan";
  leaders[1].display_name = "Jane Roe";
  leaders[2].display_name = "Luiz Inácio Lula da Silva";
  EXPECT_THAT(ParticipantNames(leaders, {2, 0}),
              ElementsAre("participants/recep-tayyip-erdogan", "",
                          "participants/luiz-inacio-lula-da-silva"));
}

TEST(FindParticipantsTest, EveryParticipantWithTitleCountryAndMentions) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. "
      "Ruto said the talks went well.");
  v1::Summit summit;
  FindParticipants(*a, summit);
  ASSERT_EQ(summit.participants_size(), 2);
  const v1::SummitParticipant& abiy = summit.participants(0);
  EXPECT_EQ(abiy.participant(), "participants/abiy-ahmed-ali");
  EXPECT_EQ(abiy.display_name(), "Abiy Ahmed Ali");
  EXPECT_EQ(abiy.title(), "Prime Minister");
  EXPECT_EQ(abiy.country_code(), "ETH");
  const v1::SummitParticipant& ruto = summit.participants(1);
  EXPECT_EQ(ruto.participant(), "participants/william-ruto");
  ASSERT_EQ(ruto.mentions_size(), 2);
  EXPECT_EQ(a.Cut(ruto.mentions(0)), "Kenyan President William Ruto");
  EXPECT_EQ(ruto.mentions(0).start(), 0u);
  EXPECT_EQ(a.Cut(ruto.mentions(1)), "Ruto");
  EXPECT_EQ(ruto.mentions(1).start(), a.text().find("Ruto said"));
  EXPECT_EQ(ruto.mentions(1).sentence_index(), 1);
  EXPECT_EQ(ruto.mentions(1).source_id(), "test-source");
}

TEST(FindParticipantsTest, NothingWithoutASummit) {
  const AnalyzedText a("Kenyan President William Ruto toured a factory.");
  v1::Summit summit;
  FindParticipants(*a, summit);
  EXPECT_EQ(summit.participants_size(), 0);
}

}  // namespace
}  // namespace summit::extractor
