// FindAmounts: money and counts, with qualifier, country and date.
#include <cstdint>
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

// "value (whole) unit currency qualifier country|span text" of each amount.
std::vector<std::string> Amounts(const AnalyzedText& a) {
  const v1::Summit summit = RunFinder(&FindAmounts, a);
  std::vector<std::string> out;
  for (const v1::Amount& amount : summit.amounts()) {
    out.push_back(absl::StrCat(static_cast<int64_t>(amount.value()), " ", amount.unit(),
                               " ", amount.currency_code(), " ",
                               v1::AmountQualifier_Name(amount.qualifier()), " ",
                               amount.country_code(), "|", a.Cut(amount.span())));
  }
  return out;
}

TEST(FindAmountsTest, MoneyWithSymbolScaleAndQualifier) {
  const AnalyzedText a(std::string(kMeeting) +
                       "They agreed on loans worth more than $10 billion.");
  v1::Summit summit;
  FindAmounts(*a, summit);
  ASSERT_EQ(summit.amounts_size(), 1);
  const v1::Amount& amount = summit.amounts(0);
  EXPECT_DOUBLE_EQ(amount.value(), 1e10);
  EXPECT_EQ(amount.currency_code(), "USD");
  EXPECT_EQ(amount.qualifier(), v1::AMOUNT_QUALIFIER_AT_LEAST);
  EXPECT_EQ(a.Cut(amount.span()), "more than $10 billion");
  EXPECT_EQ(amount.span().start(), a.text().find("more than"));
  EXPECT_EQ(amount.span().source_id(), "test-source");
}

TEST(FindAmountsTest, CurrencyWordsAndCodesAfterTheNumber) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "Kenya pledged 2.5bn euros. Ethiopia offered about 300 million USD.");
  // The country is the subject of the amount's clause.
  EXPECT_THAT(
      Amounts(a),
      ElementsAre(
          "2500000000  EUR AMOUNT_QUALIFIER_UNSPECIFIED KEN|2.5bn euros",
          "300000000  USD AMOUNT_QUALIFIER_APPROXIMATELY ETH|about 300 million USD"));
}

TEST(FindAmountsTest, PrefixedSymbolsAndScaleSuffixes) {
  const AnalyzedText a(std::string(kMeeting) + "Canada offered C$2 billion and £300m.");
  EXPECT_THAT(Amounts(a),
              ElementsAre("2000000000  CAD AMOUNT_QUALIFIER_UNSPECIFIED CAN|C$2 billion",
                          "300000000  GBP AMOUNT_QUALIFIER_UNSPECIFIED CAN|£300m"));
}

TEST(FindAmountsTest, CountsWithTheirNounAndNationality) {
  const AnalyzedText a(std::string(kMeeting) + "They met 125 Canadian companies.");
  v1::Summit summit;
  FindAmounts(*a, summit);
  ASSERT_EQ(summit.amounts_size(), 1);
  const v1::Amount& amount = summit.amounts(0);
  EXPECT_DOUBLE_EQ(amount.value(), 125);
  EXPECT_EQ(amount.unit(), "company");
  EXPECT_EQ(amount.counted(), "Canadian companies");
  EXPECT_EQ(amount.country_code(), "CAN");
  EXPECT_TRUE(amount.currency_code().empty());
  EXPECT_EQ(a.Cut(amount.span()), "125 Canadian companies");
}

TEST(FindAmountsTest, PercentAndWordNumbers) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Exports rose 5% and twenty five proposals were tabled.");
  EXPECT_THAT(Amounts(a),
              ElementsAre("5 percent  AMOUNT_QUALIFIER_UNSPECIFIED |5%",
                          "25 proposal  AMOUNT_QUALIFIER_UNSPECIFIED |twenty five "
                          "proposals"));
}

TEST(FindAmountsTest, DatesTimesAndCountriesAreNoAmounts) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "On May 5, 2026 the two countries spent three years and one day on it.");
  EXPECT_THAT(Amounts(a), IsEmpty());
}

TEST(FindAmountsTest, ANumberWithinTheCountedPhraseIsAnAmountToo) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Spain will send three of its 11 frigates.");
  EXPECT_THAT(
      Amounts(a),
      ElementsAre("3 frigate  AMOUNT_QUALIFIER_UNSPECIFIED ESP|three of its 11 frigates",
                  "11 frigate  AMOUNT_QUALIFIER_UNSPECIFIED ESP|11 frigates"));
}

TEST(FindAmountsTest, LakhAndCroreScalesMultiply) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "India set aside Rs3.2 lakh crore and 450 crore rupees for ports.");
  EXPECT_THAT(
      Amounts(a),
      ElementsAre("3200000000000  INR AMOUNT_QUALIFIER_UNSPECIFIED IND|Rs3.2 lakh crore",
                  "4500000000  INR AMOUNT_QUALIFIER_UNSPECIFIED IND|450 crore rupees"));
}

TEST(FindAmountsTest, SymbolsWrittenOnToTheNumber) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "The loans were RM5bn, R20 million, SR3 billion and Rp 10 trillion.");
  EXPECT_THAT(
      Amounts(a),
      ElementsAre("5000000000  MYR AMOUNT_QUALIFIER_UNSPECIFIED |RM5bn",
                  "20000000  ZAR AMOUNT_QUALIFIER_UNSPECIFIED |R20 million",
                  "3000000000  SAR AMOUNT_QUALIFIER_UNSPECIFIED |SR3 billion",
                  "10000000000000  IDR AMOUNT_QUALIFIER_UNSPECIFIED |Rp 10 trillion"));
}

TEST(FindAmountsTest, CurrencyWordsOfManyCurrencies) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "They pledged 900 billion won, 2 trillion rupiah, 40 billion lira, "
      "12 billion rand, 7 billion dirhams, 3 billion riyals, 60 billion "
      "ringgit and 5 billion Kenyan shillings.");
  const v1::Summit summit = RunFinder(&FindAmounts, a);
  std::vector<std::string> codes;
  for (const v1::Amount& amount : summit.amounts()) {
    codes.push_back(amount.currency_code());
  }
  EXPECT_THAT(codes, ElementsAre("KRW", "IDR", "TRY", "ZAR", "AED", "SAR", "MYR", "KES"));
}

TEST(FindAmountsTest, IsoCodesBeforeTheNumber) {
  const AnalyzedText a(std::string(kMeeting) +
                       "The fund holds USD 5 billion and EUR 2bn.");
  EXPECT_THAT(Amounts(a),
              ElementsAre("5000000000  USD AMOUNT_QUALIFIER_UNSPECIFIED |USD 5 billion",
                          "2000000000  EUR AMOUNT_QUALIFIER_UNSPECIFIED |EUR 2bn"));
}

TEST(FindAmountsTest, AHyphenatedScaleAndARangeOfTwoBounds) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "A $20-billion order came first. Later deals may add $20-25 billion.");
  EXPECT_THAT(Amounts(a),
              ElementsAre("20000000000  USD AMOUNT_QUALIFIER_UNSPECIFIED |$20-billion",
                          "20000000000  USD AMOUNT_QUALIFIER_AT_LEAST |$20-25 billion",
                          "25000000000  USD AMOUNT_QUALIFIER_AT_MOST |$20-25 billion"));
}

TEST(FindAmountsTest, OneAmountInTwoCurrencies) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "Kenya pledged 45 billion Kenyan shillings, or roughly $350 million.");
  EXPECT_THAT(
      Amounts(a),
      ElementsAre(
          "45000000000  KES AMOUNT_QUALIFIER_UNSPECIFIED KEN|45 billion Kenyan shillings",
          "350000000  USD AMOUNT_QUALIFIER_APPROXIMATELY KEN|roughly $350 million"));
}

TEST(FindAmountsTest, NumbersInNamesModelsFormulasAndYearsAreNoAmounts) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "They held a 2+2 dialogue on Vision 2030 before the Group of Seven "
      "and G20 meetings, won 3:1 on penalties, praised the Boeing 787 and "
      "set 2035 goals.");
  EXPECT_THAT(Amounts(a), IsEmpty());
}

TEST(FindAmountsTest, ACountBeforeAModelNumberCountsWhatFollowsTheModel) {
  const AnalyzedText a(std::string(kMeeting) +
                       "The airline ordered 25 737 MAX jets and 10 new freighters.");
  EXPECT_THAT(
      Amounts(a),
      ElementsAre("25 jet  AMOUNT_QUALIFIER_UNSPECIFIED |25 737 MAX jets",
                  "10 freighter  AMOUNT_QUALIFIER_UNSPECIFIED |10 new freighters"));
}

TEST(FindAmountsTest, APluralNationalityIsWhatItCounts) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Ruto raised the cases of two Kenyans in custody abroad.");
  EXPECT_THAT(Amounts(a),
              ElementsAre("2 people  AMOUNT_QUALIFIER_UNSPECIFIED KEN|two Kenyans"));
}

TEST(FindAmountsTest, DatedBySentencesOnlyDateAndOnceEach) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Trade reached $4 billion in 2025. Trade reached $4 billion.");
  v1::Summit summit;
  FindAmounts(*a, summit);
  ASSERT_EQ(summit.amounts_size(), 1);
  EXPECT_EQ(summit.amounts(0).date().year(), 2025);
  EXPECT_EQ(summit.amounts(0).date().month(), 0);
  EXPECT_EQ(summit.amounts(0).span().sentence_index(), 1);
}

}  // namespace
}  // namespace summit::extractor
