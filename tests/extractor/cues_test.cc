// FindCues: meeting, negation, phone, video and state-visit words.
#include "extractor/cues.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;

SentenceCues Cues(const std::string& text) {
  const Document doc(text);
  return FindCues(doc, Lexicon::Get());
}

TEST(CuesTest, MeetingWordsMarkTheirSentences) {
  const SentenceCues cues = Cues("Trade grew. The leaders met in Lima. Exports rose.");
  EXPECT_THAT(cues.meeting, ElementsAre(false, true, false));
  EXPECT_THAT(cues.negated, ElementsAre(false, false, false));
  EXPECT_TRUE(cues.any_meeting());
  EXPECT_FALSE(cues.phone);
  EXPECT_FALSE(cues.video);
  EXPECT_FALSE(cues.state_visit);
}

TEST(CuesTest, AttendancePhrasesMarkTheirSentences) {
  const SentenceCues cues = Cues(
      "The leaders met in Lima. The premiers of Peru and Chile were also present. "
      "Ana Ruiz took part in the dinner. The ministers attended. Trade grew.");
  EXPECT_THAT(cues.meeting, ElementsAre(true, true, true, true, false));
}

TEST(CuesTest, AMeetingAfterASequenceWordIsAnotherEvent) {
  const SentenceCues cues = Cues(
      "It followed a meeting with the king. It came ahead of talks in Lima. The "
      "leaders met after lunch.");
  EXPECT_THAT(cues.meeting, ElementsAre(false, false, true));
}

TEST(CuesTest, ADiscussionBetweenLeadersIsAMeeting) {
  const SentenceCues cues =
      Cues("Trade was the topic of discussion between the two presidents in Kisumu.");
  EXPECT_THAT(cues.meeting, ElementsAre(true));
}

TEST(CuesTest, NoMeetingWord) {
  const SentenceCues cues = Cues("Exports of wheat rose sharply.");
  EXPECT_THAT(cues.meeting, ElementsAre(false));
  EXPECT_FALSE(cues.any_meeting());
}

TEST(CuesTest, NegationMarksItsSentence) {
  const SentenceCues cues = Cues("The leaders met. The king did not attend.");
  EXPECT_THAT(cues.negated, ElementsAre(false, true));
}

TEST(CuesTest, ContractedNegationMarksItsSentence) {
  const SentenceCues cues = Cues("The leaders met. The king didn't attend.");
  EXPECT_THAT(cues.negated, ElementsAre(false, true));
}

TEST(CuesTest, PhoneWordIsAPhoneCall) {
  const SentenceCues cues = Cues("The two presidents spoke by telephone on Monday.");
  EXPECT_THAT(cues.meeting, ElementsAre(true));
  EXPECT_TRUE(cues.phone);
  EXPECT_FALSE(cues.video);
}

TEST(CuesTest, VideoWordAnywhereIsAVideoCall) {
  const SentenceCues cues = Cues("The leaders held talks. It was a virtual event.");
  EXPECT_THAT(cues.meeting, ElementsAre(true, false));
  EXPECT_TRUE(cues.video);
  EXPECT_FALSE(cues.phone);
}

TEST(CuesTest, StateVisitNeedsTheModifierRightBeforeTheVisitWord) {
  EXPECT_TRUE(Cues("He began a state visit to Ghana.").state_visit);
  EXPECT_TRUE(Cues("He is on an official visit.").state_visit);
  EXPECT_FALSE(Cues("He began a visit to the state of Lagos.").state_visit);
  EXPECT_FALSE(Cues("The state leaders met.").state_visit);
}

TEST(CuesTest, EmptyText) {
  const SentenceCues cues = Cues("");
  EXPECT_THAT(cues.meeting, ElementsAre(false));
  EXPECT_FALSE(cues.any_meeting());
}

}  // namespace
}  // namespace summit::extractor
