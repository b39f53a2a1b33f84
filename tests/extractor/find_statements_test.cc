// FindStatements: what the participants said.
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

// "speaker|verb|text|span text" of each statement.
std::vector<std::string> Statements(const AnalyzedText& a) {
  const v1::Summit summit = RunFinder(&FindStatements, a);
  std::vector<std::string> out;
  for (const v1::Statement& s : summit.statements()) {
    out.push_back(
        absl::StrCat(s.speaker(), "|", s.verb(), "|", s.text(), "|", a.Cut(s.span())));
  }
  return out;
}

TEST(FindStatementsTest, ParticipantThenVerbThenText) {
  const AnalyzedText a(std::string(kMeeting) + "Ruto said the talks were productive.");
  EXPECT_THAT(Statements(a),
              ElementsAre("participants/william-ruto|say|the talks were "
                          "productive|Ruto said the talks were productive"));
  v1::Summit summit;
  FindStatements(*a, summit);
  ASSERT_EQ(summit.statements_size(), 1);
  EXPECT_EQ(summit.statements(0).span().start(), a.text().find("Ruto said"));
  EXPECT_EQ(summit.statements(0).span().sentence_index(), 1);
}

TEST(FindStatementsTest, PronounAdverbAndThat) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Abiy spoke first. He also stressed that energy ties matter.");
  EXPECT_THAT(Statements(a),
              ElementsAre("participants/abiy-ahmed-ali|stress|energy ties matter|He also "
                          "stressed that energy ties matter"));
}

TEST(FindStatementsTest, QuotationBeforeTheSpeaker) {
  const AnalyzedText a(std::string(kMeeting) + "“We will build roads,” Abiy said.");
  EXPECT_THAT(Statements(a), ElementsAre("participants/abiy-ahmed-ali|say|We will build "
                                         "roads|“We will build roads,” Abiy said"));
}

TEST(FindStatementsTest, OthersSpeakNoStatement) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Anna Berg, a trade analyst, said demand was rising. Prices rose, "
                       "said Jane Roe. She added that it would last.");
  EXPECT_THAT(Statements(a), IsEmpty());
}

TEST(FindStatementsTest, CalledForButNotCalledAName) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Abiy called for more investment. Ruto called Abiy a friend.");
  EXPECT_THAT(Statements(a), ElementsAre("participants/abiy-ahmed-ali|call for|more "
                                         "investment|Abiy called for more investment"));
}

TEST(FindStatementsTest, TwoVerbsJoinedByAnd) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Ruto said trade grew and stressed that tourism matters.");
  EXPECT_THAT(Statements(a),
              ElementsAre("participants/william-ruto|say|trade grew|Ruto said trade grew",
                          "participants/william-ruto|stress|tourism matters|and stressed "
                          "that tourism matters"));
}

TEST(FindStatementsTest, NoStatementsWithoutASummit) {
  const AnalyzedText a("Kenyan President William Ruto said trade grew.");
  EXPECT_THAT(Statements(a), IsEmpty());
}

}  // namespace
}  // namespace summit::extractor
