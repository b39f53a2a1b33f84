// FindLeaders: full and short mentions of heads of state and government and
// ministers, their offices and countries.
#include "extractor/leaders.h"

#include <string>
#include <vector>

#include "extractor/lexicon.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "reference/reference_data.h"

namespace summit::extractor {

using reference::ReferenceData;

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A document and its leaders; the document refers to `text`.
struct Found {
  explicit Found(const std::string& t) : text(t), doc(text) {
    leaders = FindLeaders(doc, ReferenceData::Get(), Lexicon::Get()).leaders;
  }
  // The text of each mention of leaders[k].
  std::vector<std::string> Mentions(size_t k) const {
    std::vector<std::string> out;
    for (const auto& [first, last] : leaders[k].mentions) {
      out.emplace_back(doc.TextOf(first, last));
    }
    return out;
  }
  // "display name|title|country" of each leader.
  std::vector<std::string> Summary() const {
    std::vector<std::string> out;
    for (const Leader& l : leaders)
      out.push_back(l.display_name + "|" + l.title + "|" + l.country);
    return out;
  }
  const std::string text;
  const Document doc;
  std::vector<Leader> leaders;
};

TEST(LeadersTest, FullMentionWithDemonymAndTitle) {
  const Found found(
      "Chinese President Xi Jinping met Kenyan Foreign Minister Musalia Mudavadi.");
  EXPECT_THAT(found.Summary(), ElementsAre("Xi Jinping|President|CHN",
                                           "Musalia Mudavadi|Foreign Minister|KEN"));
  EXPECT_EQ(found.leaders[0].kind, data::v1::OFFICE_KIND_HEAD_OF_STATE);
  EXPECT_EQ(found.leaders[1].kind, data::v1::OFFICE_KIND_MINISTER);
  EXPECT_THAT(found.leaders[0].name_tokens, ElementsAre("xi", "jinping"));
  EXPECT_THAT(found.Mentions(0), ElementsAre("Chinese President Xi Jinping"));
  EXPECT_THAT(found.Mentions(1), ElementsAre("Kenyan Foreign Minister Musalia Mudavadi"));
}

TEST(LeadersTest, ShortMentionsAndDescriptors) {
  const Found found(
      "Kenyan President William Ruto met German Chancellor Friedrich Merz in Berlin. "
      "President Ruto said the talks went well. Merz agreed. The Kenyan president left.");
  ASSERT_THAT(found.Summary(),
              ElementsAre("William Ruto|President|KEN", "Friedrich Merz|Chancellor|DEU"));
  EXPECT_EQ(found.leaders[1].kind, data::v1::OFFICE_KIND_HEAD_OF_GOVERNMENT);
  EXPECT_THAT(found.Mentions(0), ElementsAre("Kenyan President William Ruto",
                                             "President Ruto", "The Kenyan president"));
  EXPECT_THAT(found.Mentions(1), ElementsAre("German Chancellor Friedrich Merz", "Merz"));
}

TEST(LeadersTest, TitleOfCountryAndTitleWithCommaAfterThe) {
  const Found found(
      "President of France Emmanuel Macron welcomed the Prime Minister, Mark Carney, and "
      "Xi Jinping, China's president.");
  EXPECT_THAT(found.Summary(),
              ElementsAre("Emmanuel Macron|President|FRA", "Mark Carney|Prime Minister|",
                          "Xi Jinping|President|CHN"));
  EXPECT_THAT(found.Mentions(0), ElementsAre("President of France Emmanuel Macron"));
  EXPECT_THAT(found.Mentions(1), ElementsAre("the Prime Minister, Mark Carney"));
  EXPECT_THAT(found.Mentions(2), ElementsAre("Xi Jinping, China's president"));
}

TEST(LeadersTest, CounterpartTakesTheSubjectsOfficeAndItsCountry) {
  const Found found(
      "Japanese Prime Minister Shigeru Ishiba held talks with his Australian counterpart "
      "Anthony Albanese in Tokyo.");
  EXPECT_THAT(found.Summary(), ElementsAre("Shigeru Ishiba|Prime Minister|JPN",
                                           "Anthony Albanese|Prime Minister|AUS"));
  EXPECT_EQ(found.leaders[1].kind, data::v1::OFFICE_KIND_HEAD_OF_GOVERNMENT);
  EXPECT_THAT(found.Mentions(1),
              ElementsAre("his Australian counterpart Anthony Albanese"));
}

TEST(LeadersTest, PossessiveCountryBeforeAFullName) {
  const Found found(
      "Russia's Vladimir Putin met Kenyan President William Ruto in Sochi.");
  EXPECT_THAT(found.Summary(),
              ElementsAre("Vladimir Putin||RUS", "William Ruto|President|KEN"));
  EXPECT_THAT(found.Mentions(0), ElementsAre("Russia's Vladimir Putin"));
}

TEST(LeadersTest, PossessiveCountryMentionIsAHeadOfState) {
  const Found found(
      "Russia's Vladimir Putin met Kenyan President William Ruto in Sochi.");
  ASSERT_FALSE(found.leaders.empty());
  EXPECT_EQ(found.leaders[0].kind, data::v1::OFFICE_KIND_HEAD_OF_STATE);
}

TEST(LeadersTest, NamesWithParticles) {
  const Found found(
      "Brazilian President Luiz Inácio Lula da Silva met Saudi Crown Prince Mohammed bin "
      "Salman. Lula said trade grew.");
  EXPECT_THAT(found.Summary(), ElementsAre("Luiz Inácio Lula da Silva|President|BRA",
                                           "Mohammed bin Salman|Crown Prince|SAU"));
  EXPECT_EQ(found.leaders[1].kind, data::v1::OFFICE_KIND_HEAD_OF_GOVERNMENT);
  EXPECT_THAT(found.leaders[0].name_tokens,
              ElementsAre("luiz", "inácio", "lula", "da", "silva"));
  // A middle name alone is a short mention too.
  EXPECT_THAT(found.Mentions(0),
              ElementsAre("Brazilian President Luiz Inácio Lula da Silva", "Lula"));
}

TEST(LeadersTest, NamesWithTwoParticlesInARow) {
  const Found found(
      "German Defence Minister Ursula von der Leyen met Dutch Prime Minister "
      "Dick van den Hoek.");
  EXPECT_THAT(found.Summary(), ElementsAre("Ursula von der Leyen|Defence Minister|DEU",
                                           "Dick van den Hoek|Prime Minister|NLD"));
}

TEST(LeadersTest, SpokespersonsExecutivesAndPeopleWithoutOfficeAreLeftOut) {
  EXPECT_THAT(Found("Foreign ministry spokesperson Jean Dupont said the talks went well.")
                  .leaders,
              IsEmpty());
  // An excluded role just before a title keeps the name out.
  EXPECT_THAT(Found("Acme chief executive and President Jane Roe met the press.").leaders,
              IsEmpty());
  EXPECT_THAT(Found("Anna Berg, a trade analyst, said demand was rising.").leaders,
              IsEmpty());
}

TEST(LeadersTest, CountryAcronymBeforeTheTitle) {
  // Known gap: the sentence splitter ends a sentence after "U.S."
  // (DocumentTest.AcronymsAndTitlesBeforeANameDoNotEndSentences), so the
  // title pattern never sees the country and the text alone gives none
  // (the linking gives USA: LinkingTest.TheLinkDecidesTheCountry). When this
  // fails, the gap is closed: expect "Donald Trump|President|USA" and the
  // mention "U.S. President Donald Trump", and drop this note.
  const Found found(
      "U.S. President Donald Trump met Japanese Prime Minister Sanae Takaichi. They "
      "discussed China and China's navy.");
  EXPECT_THAT(found.Summary(), ElementsAre("Donald Trump|President|",
                                           "Sanae Takaichi|Prime Minister|JPN"));
  EXPECT_THAT(found.Mentions(0), ElementsAre("President Donald Trump"));
}

TEST(LeadersTest, LowerCaseTitleNeedsTheOrACountry) {
  EXPECT_THAT(Found("The club president Jane Roe met the squad.").leaders, IsEmpty());
  const Found found("The Kenyan president William Ruto arrived.");
  EXPECT_THAT(found.Summary(), ElementsAre("William Ruto|President|KEN"));
}

TEST(LeadersTest, NoCountryWhenTheTextDoesNotTieOneToTheName) {
  // The most mentioned country is not the leader's: "Canada" could be the
  // subject of the talks. The linking gives Carney his country.
  const Found found(
      "Prime Minister Mark Carney met Chinese President Xi Jinping. Canada wants canola "
      "sales to resume, Canada said.");
  EXPECT_THAT(found.Summary(),
              ElementsAre("Mark Carney|Prime Minister|", "Xi Jinping|President|CHN"));
}

}  // namespace
}  // namespace summit::extractor
