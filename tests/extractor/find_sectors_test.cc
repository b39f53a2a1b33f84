// FindSectors and SectorsIn: the sectors the meeting was about.
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

v1::Summit Sectors(const AnalyzedText& a) { return RunFinder(&FindSectors, a); }

std::vector<std::string> Ids(const v1::Summit& summit) {
  std::vector<std::string> ids;
  for (const auto& sector : summit.sectors()) ids.push_back(sector.sector());
  return ids;
}

TEST(FindSectorsTest, OncePerSectorWithEveryMention) {
  const AnalyzedText a(std::string(kMeeting) +
                       "They discussed trade and energy. Trade grew by a third.");
  const v1::Summit summit = Sectors(a);
  ASSERT_THAT(Ids(summit), ElementsAre("sectors/trade", "sectors/energy"));
  const v1::SummitSector& trade = summit.sectors(0);
  EXPECT_EQ(trade.surface_text(), "trade");
  EXPECT_EQ(a.Cut(trade.span()), "trade");
  EXPECT_EQ(trade.span().start(), a.text().find("trade"));
  ASSERT_EQ(trade.mentions_size(), 2);
  EXPECT_EQ(a.Cut(trade.mentions(1)), "Trade");
  EXPECT_EQ(trade.mentions(1).start(), a.text().find("Trade"));
  EXPECT_EQ(trade.mentions(1).sentence_index(), 2);
}

TEST(FindSectorsTest, LongestSectorPhrase) {
  const AnalyzedText a(std::string(kMeeting) + "They discussed liquefied natural gas.");
  const v1::Summit summit = Sectors(a);
  ASSERT_THAT(Ids(summit), ElementsAre("sectors/energy"));
  EXPECT_EQ(summit.sectors(0).surface_text(), "liquefied natural gas");
  EXPECT_EQ(a.Cut(summit.sectors(0).span()), "liquefied natural gas");
}

TEST(FindSectorsTest, ASectorWordNamingASourceIsNone) {
  const AnalyzedText a(std::string(kMeeting) + "Customs data showed more coffee sales.");
  EXPECT_THAT(Ids(Sectors(a)), ElementsAre("sectors/agriculture"));
}

TEST(FindSectorsTest, QuotesOfOthersAreLeftOutAndParticipantsQuotesKept) {
  const AnalyzedText a(std::string(kMeeting) +
                       "\"Tourism will boom,\" said Anna Berg, a hotel owner. Ruto said "
                       "\"mining is the future.\"");
  const v1::Summit summit = Sectors(a);
  ASSERT_THAT(Ids(summit), ElementsAre("sectors/mining"));
  EXPECT_EQ(a.Cut(summit.sectors(0).span()), "mining");
}

TEST(FindSectorsTest, ThemesOfReadoutsBeyondGoods) {
  const AnalyzedText a(std::string(kMeeting) +
                       "They discussed refugees, humanitarian assistance, human rights, "
                       "the peace process, freedom of navigation, scientific research, "
                       "political dialogue, poverty reduction and economic cooperation.");
  EXPECT_THAT(
      Ids(Sectors(a)),
      ElementsAre("sectors/migration", "sectors/humanitarian", "sectors/human-rights",
                  "sectors/peace", "sectors/maritime", "sectors/science",
                  "sectors/diplomacy", "sectors/social", "sectors/economy"));
}

TEST(FindSectorsTest, AHeadNounAfterASectorWordIsPartOfTheMention) {
  const AnalyzedText a(std::string(kMeeting) +
                       "They agreed to expand military exchanges and security ties.");
  const v1::Summit summit = Sectors(a);
  ASSERT_THAT(Ids(summit), ElementsAre("sectors/defence"));
  EXPECT_EQ(summit.sectors(0).surface_text(), "military exchanges");
  ASSERT_EQ(summit.sectors(0).mentions_size(), 2);
  EXPECT_EQ(a.Cut(summit.sectors(0).mentions(1)), "security ties");
}

TEST(FindSectorsTest, SectorWordsUsedAsVerbsAreNone) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "The visit will cement ties, and new roads could fuel the recovery. "
      "Dams will power the region, and the talks helped steel their resolve.");
  EXPECT_THAT(Ids(Sectors(a)), ElementsAre("sectors/transport"));
}

TEST(FindSectorsTest, TheSameWordsAsNounsAreSectors) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "They discussed cement, fuel and power, from steel to farm exports.");
  EXPECT_THAT(Ids(Sectors(a)),
              ElementsAre("sectors/construction", "sectors/energy", "sectors/mining",
                          "sectors/agriculture", "sectors/trade"));
}

TEST(FindSectorsTest, ASectorWordModifyingAnotherNounIsNone) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Military attacks near the parliament building worried the trade "
                       "minister, security sources said.");
  EXPECT_THAT(Ids(Sectors(a)), IsEmpty());
}

TEST(FindSectorsTest, NamesOfInstitutionsAndEventsAreNoSectors) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "Both back the World Trade Organization and will attend the Harbour "
      "Energy Forum. They hailed the Free Trade Agreement.");
  const v1::Summit summit = Sectors(a);
  ASSERT_THAT(Ids(summit), ElementsAre("sectors/trade"));
  EXPECT_EQ(summit.sectors(0).surface_text(), "Free Trade Agreement");
}

TEST(FindSectorsTest, AParticipantsQuoteGoesOnAcrossSentencesAndParagraphs) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "Ruto spoke first.\n\"We talked about energy. Tourism matters too,\" "
      "he said.\n\"And mining.\"");
  EXPECT_THAT(Ids(Sectors(a)),
              ElementsAre("sectors/energy", "sectors/tourism", "sectors/mining"));
}

TEST(FindSectorsTest, AQuoteAfterAnotherSpeakersLeadInIsLeftOut) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Anna Berg, a hotel owner, said: \"Tourism will boom.\"");
  EXPECT_THAT(Ids(Sectors(a)), IsEmpty());
}

TEST(FindSectorsTest, NoSectorWords) {
  const AnalyzedText a(std::string(kMeeting) + "They discussed the weather.");
  EXPECT_THAT(Ids(Sectors(a)), IsEmpty());
}

TEST(SectorsInTest, SectorsOfATokenRangeInTextOrderOnceEach) {
  const AnalyzedText a("wheat, solar power, maize and police");
  // Tokens: wheat , solar power , maize and police
  EXPECT_THAT(
      SectorsIn(*a, 0, a->tokens().size()),
      ElementsAre("sectors/agriculture", "sectors/energy", "sectors/public-security"));
  EXPECT_THAT(SectorsIn(*a, 2, 6), ElementsAre("sectors/energy", "sectors/agriculture"));
  // A phrase does not cross the range's end: "solar" alone is a sector word too.
  EXPECT_THAT(SectorsIn(*a, 2, 3), ElementsAre("sectors/energy"));
  EXPECT_THAT(SectorsIn(*a, 1, 2), IsEmpty());
}

}  // namespace
}  // namespace summit::extractor
