// FindAgreements: documents signed or adopted at the meeting.
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

v1::Summit Agreements(const AnalyzedText& a) { return RunFinder(&FindAgreements, a); }

TEST(FindAgreementsTest, CountedNounAfterASigningVerbWithItsSectors) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "They signed three memorandums of understanding on wheat and solar "
      "power.");
  const v1::Summit summit = Agreements(a);
  ASSERT_EQ(summit.agreements_size(), 1);
  const v1::Agreement& mou = summit.agreements(0);
  EXPECT_EQ(mou.kind(), v1::AGREEMENT_KIND_MEMORANDUM_OF_UNDERSTANDING);
  EXPECT_EQ(mou.count(), 3);
  EXPECT_THAT(mou.sectors(), ElementsAre("sectors/agriculture", "sectors/energy"));
  EXPECT_EQ(mou.description(),
            "three memorandums of understanding on wheat and solar power");
  EXPECT_EQ(a.Cut(mou.span()), mou.description());
  EXPECT_EQ(mou.span().start(), a.text().find("three"));
  EXPECT_EQ(mou.span().sentence_index(), 1);
}

TEST(FindAgreementsTest, JointStatementNeedsNoVerb) {
  const AnalyzedText a(std::string(kMeeting) + "The joint statement mentions climate.");
  const v1::Summit summit = Agreements(a);
  ASSERT_EQ(summit.agreements_size(), 1);
  EXPECT_EQ(summit.agreements(0).kind(), v1::AGREEMENT_KIND_JOINT_STATEMENT);
  EXPECT_EQ(summit.agreements(0).count(), 0);
  EXPECT_THAT(summit.agreements(0).sectors(), ElementsAre("sectors/environment"));
  EXPECT_EQ(a.Cut(summit.agreements(0).span()), "joint statement mentions climate");
}

TEST(FindAgreementsTest, NounsWithoutASigningVerbBeforeThemAreNone) {
  EXPECT_EQ(Agreements(AnalyzedText(std::string(kMeeting) +
                                    "They discussed a trade deal on wheat."))
                .agreements_size(),
            0);
  EXPECT_EQ(Agreements(AnalyzedText(std::string(kMeeting) +
                                    "The agreements on wheat were signed."))
                .agreements_size(),
            0);
}

TEST(FindAgreementsTest, VagueNounsAreNone) {
  // "declaration" without "joint", "documents" without "cooperation".
  EXPECT_EQ(Agreements(AnalyzedText(std::string(kMeeting) +
                                    "They adopted a declaration and signed documents."))
                .agreements_size(),
            0);
  const v1::Summit summit = Agreements(
      AnalyzedText(std::string(kMeeting) + "They signed 12 cooperation documents."));
  ASSERT_EQ(summit.agreements_size(), 1);
  EXPECT_EQ(summit.agreements(0).kind(), v1::AGREEMENT_KIND_COOPERATION_DOCUMENT);
  EXPECT_EQ(summit.agreements(0).count(), 12);
}

TEST(FindAgreementsTest, IndefiniteArticleOpensTheMentionWithoutACount) {
  const AnalyzedText a(std::string(kMeeting) + "They signed a new treaty on defence.");
  const v1::Summit summit = Agreements(a);
  ASSERT_EQ(summit.agreements_size(), 1);
  EXPECT_EQ(summit.agreements(0).kind(), v1::AGREEMENT_KIND_TREATY);
  EXPECT_EQ(summit.agreements(0).count(), 0);
  EXPECT_THAT(summit.agreements(0).sectors(), ElementsAre("sectors/defence"));
  EXPECT_EQ(a.Cut(summit.agreements(0).span()), "a new treaty on defence");
}

TEST(FindAgreementsTest, SectorsFromTheNextSentenceAboutIt) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "They signed an agreement. Its core commits both sides to solar power.");
  const v1::Summit summit = Agreements(a);
  ASSERT_EQ(summit.agreements_size(), 1);
  EXPECT_THAT(summit.agreements(0).sectors(), ElementsAre("sectors/energy"));
  EXPECT_EQ(a.Cut(summit.agreements(0).span()), "an agreement");
}

TEST(FindAgreementsTest, ARepeatedAgreementIsMergedIntoTheFirst) {
  const AnalyzedText a(
      "Kenya and Ethiopia sign deal on power. Kenyan President William Ruto and "
      "Ethiopian "
      "Prime Minister Abiy Ahmed signed a deal covering power and wheat.");
  const v1::Summit summit = Agreements(a);
  ASSERT_EQ(summit.agreements_size(), 1);
  EXPECT_THAT(summit.agreements(0).sectors(),
              ElementsAre("sectors/energy", "sectors/agriculture"));
  // The mention with as many sectors describes it.
  EXPECT_EQ(summit.agreements(0).description(), "a deal covering power and wheat");
  EXPECT_EQ(summit.agreements(0).span().sentence_index(), 1);
}

TEST(FindAgreementsTest, TwoAgreementsInOneSentence) {
  const AnalyzedText a(std::string(kMeeting) +
                       "They signed a treaty on defence and two contracts for wheat.");
  const v1::Summit summit = Agreements(a);
  ASSERT_EQ(summit.agreements_size(), 2);
  EXPECT_EQ(summit.agreements(0).kind(), v1::AGREEMENT_KIND_TREATY);
  EXPECT_THAT(summit.agreements(0).sectors(), ElementsAre("sectors/defence"));
  EXPECT_EQ(summit.agreements(1).kind(), v1::AGREEMENT_KIND_CONTRACT);
  EXPECT_EQ(summit.agreements(1).count(), 2);
  EXPECT_THAT(summit.agreements(1).sectors(), ElementsAre("sectors/agriculture"));
  EXPECT_EQ(a.Cut(summit.agreements(1).span()), "two contracts for wheat");
}

TEST(FindAgreementsTest, AMentionEndsBeforeTheNextAgreementsCount) {
  const AnalyzedText a(std::string(kMeeting) +
                       "They signed a treaty on defence and two contracts for wheat.");
  const v1::Summit summit = Agreements(a);
  ASSERT_EQ(summit.agreements_size(), 2);
  EXPECT_EQ(summit.agreements(0).description(), "a treaty on defence");
  EXPECT_EQ(a.Cut(summit.agreements(0).span()), "a treaty on defence");
}

}  // namespace
}  // namespace summit::extractor
