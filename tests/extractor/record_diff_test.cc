// The comparator of the corpus test: what it reports, and how it names it.
#include "tests/extractor/record_diff.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr char kText[] =
    "Alpha Leader met Beta Leader in Capital on Monday. "
    "They agreed to attend the Gamma Forum in Port next year.";

v1::TextSpan SpanOf(const std::string& words, int sentence = 0) {
  const std::string text = kText;
  v1::TextSpan span;
  span.set_start(text.find(words));
  span.set_end(span.start() + words.size());
  span.set_text(words);
  span.set_sentence_index(sentence);
  span.set_source_id("src");
  return span;
}

// An answer of the extractor for kText; the expected record is the same
// without the fields the expected files do not hold.
v1::ExtractArticleResponse Answer() {
  v1::ExtractArticleResponse response;
  v1::Summit* summit = response.mutable_summit();
  summit->set_name("summits/2026-01-05-capital-aaa-bbb");
  summit->set_title("Alpha Leader and Beta Leader meet in Capital");
  summit->mutable_location()->set_city("Capital");
  summit->mutable_location()->set_country_code("BBB");
  *summit->mutable_location()->mutable_span() = SpanOf("Capital");
  v1::SummitParticipant* alpha = summit->add_participants();
  alpha->set_participant("participants/alpha-leader");
  alpha->set_country_code("AAA");
  *alpha->add_mentions() = SpanOf("Alpha Leader");
  v1::RelatedEngagement* forum = summit->add_related_engagements();
  forum->set_event_name("Gamma Forum");
  forum->mutable_date()->set_year(2027);
  *forum->mutable_span() = SpanOf("the Gamma Forum", 1);
  v1::Amount* amount = summit->add_amounts();
  amount->set_value(1.1 * 1e9);
  amount->set_currency_code("USD");
  *amount->mutable_span() = SpanOf("Monday");  // any words of the text
  return response;
}

v1::ExtractArticleResponse Expected() {
  v1::ExtractArticleResponse expected = Answer();
  v1::Summit* summit = expected.mutable_summit();
  summit->clear_title();
  summit->mutable_participants(0)->clear_mentions();
  auto keep_text = [](v1::TextSpan* span) {
    const std::string text = span->text();
    span->Clear();
    span->set_text(text);
  };
  keep_text(summit->mutable_location()->mutable_span());
  keep_text(summit->mutable_related_engagements(0)->mutable_span());
  summit->mutable_amounts(0)->set_value(1100000000);
  keep_text(summit->mutable_amounts(0)->mutable_span());
  return expected;
}

auto Named(const std::string& field) { return Field(&Mismatch::field, field); }

TEST(CompareWithExpectedTest, AnAnswerAsExpectedHasNoDifference) {
  EXPECT_THAT(CompareWithExpected(Expected(), Answer()), IsEmpty());
}

TEST(CompareWithExpectedTest, NamesADifferingFieldByTheExpectedIndex) {
  v1::ExtractArticleResponse want = Expected();
  v1::RelatedEngagement* earlier = want.mutable_summit()->add_related_engagements();
  earlier->set_event_name("Delta Talks");
  earlier->mutable_date()->set_year(2020);
  std::swap(*want.mutable_summit()->mutable_related_engagements(0),
            *want.mutable_summit()->mutable_related_engagements(1));
  v1::ExtractArticleResponse got = Answer();
  got.mutable_summit()->mutable_related_engagements(0)->set_event_name("Gamma");
  EXPECT_THAT(CompareWithExpected(want, got),
              UnorderedElementsAre(Named("related_engagements[1].event_name"),
                                   Named("related_engagements[0]")));
}

TEST(CompareWithExpectedTest, AFactOnlyTheAnswerHasIsNamedByItsText) {
  v1::ExtractArticleResponse got = Answer();
  v1::Amount* extra = got.mutable_summit()->add_amounts();
  extra->set_value(30);
  extra->set_unit("flight");
  *extra->mutable_span() = SpanOf("Port", 1);
  const std::vector<Mismatch> mismatches = CompareWithExpected(Expected(), got);
  ASSERT_THAT(mismatches, ElementsAre(Named("amounts[+\"Port\"]")));
  EXPECT_THAT(mismatches[0].detail, HasSubstr("unit: \"flight\""));
}

TEST(CompareWithExpectedTest, AFieldTheExpectedFileLeavesUnsetMustBeUnset) {
  v1::ExtractArticleResponse got = Answer();
  got.mutable_summit()->mutable_amounts(0)->set_country_code("AAA");
  got.mutable_summit()->mutable_amounts(0)->mutable_date()->set_year(2025);
  got.add_warnings("a warning");
  EXPECT_THAT(CompareWithExpected(Expected(), got),
              UnorderedElementsAre(Named("amounts[0].country_code"),
                                   Named("amounts[0].date"), Named("warnings")));
}

TEST(CompareWithExpectedTest, ComparesTheTextOfSpansTheLocationsIncluded) {
  v1::ExtractArticleResponse got = Answer();
  *got.mutable_summit()->mutable_location()->mutable_span() = SpanOf("Capital on Monday");
  *got.mutable_summit()->mutable_related_engagements(0)->mutable_span() =
      SpanOf("Gamma Forum", 1);
  EXPECT_THAT(CompareWithExpected(Expected(), got),
              UnorderedElementsAre(Named("location.span.text"),
                                   Named("related_engagements[0].span.text")));
}

TEST(CompareWithExpectedTest, FactsInAnyOrderAndRepeatedStringsAsSets) {
  v1::ExtractArticleResponse want = Expected();
  v1::Agreement* agreement = want.mutable_summit()->add_agreements();
  agreement->add_sectors("sectors/energy");
  agreement->add_sectors("sectors/trade");
  v1::Amount* second = want.mutable_summit()->add_amounts();
  second->set_value(2);
  v1::ExtractArticleResponse got = Answer();
  *got.mutable_summit()->add_agreements() = want.summit().agreements(0);
  got.mutable_summit()->mutable_agreements(0)->mutable_sectors()->SwapElements(0, 1);
  *got.mutable_summit()->mutable_amounts()->Add() = *second;
  got.mutable_summit()->mutable_amounts()->SwapElements(0, 1);
  EXPECT_THAT(CompareWithExpected(want, got), IsEmpty());
}

TEST(CompareWithExpectedTest, AnExpectedFileHoldsOnlyComparedFields) {
  v1::ExtractArticleResponse want = Expected();
  want.mutable_summit()->set_title("A title");
  *want.mutable_summit()->mutable_participants(0)->add_mentions() =
      SpanOf("Alpha Leader");
  const std::vector<Mismatch> mismatches = CompareWithExpected(want, Answer());
  EXPECT_THAT(mismatches,
              UnorderedElementsAre(Named("title"), Named("participants[0].mentions")));
  EXPECT_THAT(mismatches[0].detail, HasSubstr("not compared"));
}

TEST(CompareWithExpectedTest, AMissingOrUnexpectedSummitIsOneDifference) {
  v1::ExtractArticleResponse none;
  none.set_not_summit_reason("no meeting");
  EXPECT_THAT(CompareWithExpected(Expected(), none), ElementsAre(Named("summit")));
  EXPECT_THAT(CompareWithExpected(v1::ExtractArticleResponse(), Answer()),
              ElementsAre(Named("summit")));
  EXPECT_THAT(CompareWithExpected(v1::ExtractArticleResponse(), none), IsEmpty());
  EXPECT_THAT(
      CompareWithExpected(v1::ExtractArticleResponse(), v1::ExtractArticleResponse()),
      ElementsAre(Named("not_summit_reason")));
}

TEST(CheckSpansTest, EverySpanOfTheAnswerPointsAtItsText) {
  EXPECT_THAT(CheckSpans(Answer().summit(), kText, "src"), IsEmpty());
}

TEST(CheckSpansTest, FindsSpansThatDoNotPointAtTheirText) {
  v1::Summit summit = Answer().summit();
  summit.mutable_location()->mutable_span()->set_text("Capitol");
  summit.mutable_participants(0)->mutable_mentions(0)->set_end(1000);
  summit.mutable_related_engagements(0)->mutable_span()->set_sentence_index(0);
  summit.mutable_amounts(0)->mutable_span()->set_source_id("other");
  EXPECT_THAT(CheckSpans(summit, kText, "src"),
              UnorderedElementsAre(Named("location.span (span)"),
                                   Named("participants[0].mentions[0] (span)"),
                                   Named("related_engagements[0].span (span)"),
                                   Named("amounts[0].span (span)")));
}

TEST(CheckSpansTest, EveryFactCarriesASpanTheLocationIncluded) {
  v1::Summit summit = Answer().summit();
  summit.mutable_location()->clear_span();
  summit.mutable_participants(0)->clear_mentions();
  summit.mutable_related_engagements(0)->mutable_location()->set_city("Port");
  EXPECT_THAT(
      CheckSpans(summit, kText, "src"),
      UnorderedElementsAre(Named("location (span)"), Named("participants[0] (span)"),
                           Named("related_engagements[0].location (span)")));
}

}  // namespace
}  // namespace summit::testing
