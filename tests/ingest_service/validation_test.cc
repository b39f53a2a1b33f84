#include "ingest_service/validation.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::ingest {

using common::ValidateDate;
using reference::ReferenceData;

namespace {

TEST(ValidationTest, ArticleTextMustBeValidUtf8) {
  v1::Article article;
  article.set_source_id("a-1");
  article.set_text(std::string("Valid start \xC3\x28 broken", 22));
  absl::Status status = ValidateArticle(article, "article", {}, true);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "article.text: not valid UTF-8 at byte 12");
  article.set_text("Erdoğan’s visit");
  EXPECT_TRUE(ValidateArticle(article, "article", {}, true).ok());
}

TEST(ValidationTest, ALongSourceIdIsQuotedShort) {
  v1::Article article;
  article.set_source_id(std::string(200, 'a') + " b");
  article.set_text("text");
  absl::Status status = ValidateArticle(article, "article", {}, true);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), ::testing::HasSubstr("... (202 bytes)"));
  EXPECT_LT(status.message().size(), 160u) << status.message();
}

TEST(ValidationTest, DatesAllowUnknownPartsButNotImpossibleOnes) {
  v1::Date date;
  EXPECT_TRUE(ValidateDate(date, "d").ok());
  date.set_year(2024);
  date.set_month(2);
  date.set_day(29);
  EXPECT_TRUE(ValidateDate(date, "d").ok());
  date.set_year(2025);
  EXPECT_EQ(ValidateDate(date, "d").message(), "d.day: 29 is not a day of 2025-2");
  date.set_day(0);
  date.set_month(13);
  EXPECT_EQ(ValidateDate(date, "d").message(), "d.month: 13 is not within 0..12");
  date.set_month(0);
  date.set_day(3);
  EXPECT_EQ(ValidateDate(date, "d").message(), "d.day: is set but the month is not");
  date.set_year(1850);
  date.set_day(0);
  EXPECT_EQ(ValidateDate(date, "d").message(), "d.year: 1850 is not within 1900..2100");
}

// A valid row of China's exports to `partner`.
v1::TradeFlow ValidFlow(const std::string& partner) {
  v1::TradeFlow flow;
  flow.set_reporter_code("CHN");
  flow.set_partner_code(partner);
  flow.set_direction(v1::TRADE_FLOW_DIRECTION_EXPORT);
  flow.set_year(2024);
  flow.set_commodity_code("270112");
  return flow;
}

TEST(ValidationTest, TradeRowsNameTheirFirstBadField) {
  const ReferenceData& data = ReferenceData::Get();
  v1::TradeFlow flow = ValidFlow("W00");
  EXPECT_FALSE(ValidateTradeFlow(flow, data).has_value());
  flow.set_net_weight_kg(std::nan(""));
  auto problem = ValidateTradeFlow(flow, data);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->field, "net_weight_kg");
  flow.set_net_weight_kg(1);
  flow.set_reporter_code("W00");
  problem = ValidateTradeFlow(flow, data);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->field, "reporter_code");
  EXPECT_EQ(problem->reason, "\"W00\" is not an ISO 3166-1 alpha-3 code");
}

TEST(ValidationTest, ATradeRowOfACountryWithItselfIsRejected) {
  const ReferenceData& data = ReferenceData::Get();
  v1::TradeFlow flow = ValidFlow("CHN");
  std::optional<FieldProblem> problem = ValidateTradeFlow(flow, data);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->field, "partner_code");
  EXPECT_EQ(problem->reason,
            "\"CHN\" is the reporter; a country does not trade with itself");
  flow.set_partner_code("CAN");
  EXPECT_FALSE(ValidateTradeFlow(flow, data).has_value());
}

TEST(ValidationTest, StatementsMustComeFromParticipants) {
  v1::Summit summit;
  summit.set_name("summits/x");
  v1::SummitParticipant* p = summit.add_participants();
  p->set_participant("participants/a-b");
  p->set_country_code("CAN");
  summit.add_statements()->set_speaker("participants/c-d");
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.statements[0].speaker: \"participants/c-d\" is not a participant of "
            "the summit");
  summit.mutable_statements(0)->set_speaker("participants/a-b");
  summit.add_amounts()->set_value(-1);
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.amounts[0].value: must be finite and non-negative");
}

TEST(ValidationTest, MoneyMustAgreeWithItsAmount) {
  v1::Summit summit;
  summit.set_name("summits/x");
  v1::Amount* amount = summit.add_amounts();
  amount->set_value(2.5e9);
  amount->set_currency_code("USD");
  v1::Money* money = amount->mutable_money();
  money->set_currency_code("USD");
  money->set_units(2500000000);
  EXPECT_TRUE(ValidateSummit(summit, "summit", ReferenceData::Get()).ok());
  money->set_units(2400000000);
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.amounts[0].money: 2400000000 units and 0 nanos do not equal value "
            "2.5e+09");
  money->set_units(2500000000);
  money->set_currency_code("EUR");
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.amounts[0].money.currency_code: \"EUR\" is not the amount's "
            "currency_code \"USD\"");
  money->set_currency_code("USD");
  money->set_nanos(-5);
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.amounts[0].money: must have non-negative units and nanos 0..999999999");
  amount->clear_currency_code();
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.amounts[0].money: is set on an amount without currency_code");
}

TEST(ValidationTest, ALowerCaseCountryCodeGetsAHint) {
  v1::Summit summit;
  summit.set_name("summits/x");
  v1::SummitParticipant* p = summit.add_participants();
  p->set_participant("participants/a-b");
  p->set_country_code("can");
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.participants[0].country_code: \"can\" is not an ISO 3166-1 alpha-3 "
            "code: codes are upper case, use \"CAN\"");
  p->set_country_code("xyz");
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.participants[0].country_code: \"xyz\" is not an ISO 3166-1 alpha-3 "
            "code");
}

TEST(ValidationTest, AWikidataIdIsQAndANumber) {
  v1::Summit summit;
  summit.set_name("summits/x");
  v1::SummitParticipant* p = summit.add_participants();
  p->set_participant("participants/xi-jinping");
  p->set_country_code("CHN");
  p->set_wikidata_id("Q15031");
  EXPECT_TRUE(ValidateSummit(summit, "summit", ReferenceData::Get()).ok());
  for (const char* bad :
       {"15031", "Q", "Q015031", "q15031", "Q15031x", "Q1234567890123"}) {
    p->set_wikidata_id(bad);
    EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
              absl::StrCat("summit.participants[0].wikidata_id: \"", bad,
                           "\" is not a Wikidata item id such as \"Q15031\""));
  }
}

TEST(ValidationTest, EverySpanIsChecked) {
  v1::Summit summit;
  summit.set_name("summits/x");
  summit.mutable_location()->set_city("Ottawa");
  summit.mutable_location()->mutable_span()->set_start(9);
  summit.mutable_location()->mutable_span()->set_end(4);
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.location.span: end is before start");
  summit.mutable_location()->mutable_span()->set_end(12);
  v1::TextSpan* span = summit.add_statements()->mutable_span();
  span->set_start(3);
  summit.mutable_statements(0)->set_speaker("participants/a-b");
  v1::SummitParticipant* p = summit.add_participants();
  p->set_participant("participants/a-b");
  p->set_country_code("CAN");
  EXPECT_EQ(ValidateSummit(summit, "summit", ReferenceData::Get()).message(),
            "summit.statements[0].span: end is before start");
}

}  // namespace
}  // namespace summit::ingest
