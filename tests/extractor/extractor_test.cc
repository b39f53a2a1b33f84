// The extractor on the seed report and on the corpus under samples/reports,
// each against its expected record in tests/extractor/expected.
#include "extractor/extractor.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extractor/document.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/testing/process.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::UnorderedElementsAreArray;

constexpr char kSeedPath[] = SUMMIT_SHARED_DIR "/seeds/000_331c6ec46661bd9f.txt";
constexpr char kReportsDir[] = SUMMIT_SOURCE_DIR "/samples/reports";
constexpr char kExpectedDir[] = SUMMIT_SOURCE_DIR "/tests/extractor/expected";

template <typename Message>
Message ParseJson(const std::string& path) {
  Message message;
  const std::string json = testing::ReadFile(path);
  EXPECT_FALSE(json.empty()) << path;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &message).ok()) << path;
  return message;
}

std::vector<std::string> SectorIds(const v1::Summit& summit) {
  std::vector<std::string> ids;
  for (const v1::SummitSector& sector : summit.sectors()) ids.push_back(sector.sector());
  return ids;
}

// Every span points at its own text.
void ExpectSpansMatchText(const v1::Summit& summit, const std::string& text) {
  auto check = [&](const v1::TextSpan& span) {
    ASSERT_LE(span.end(), text.size());
    ASSERT_LT(span.start(), span.end());
    EXPECT_EQ(text.substr(span.start(), span.end() - span.start()), span.text());
  };
  for (const auto& p : summit.participants()) {
    for (const auto& m : p.mentions()) check(m);
  }
  for (const auto& s : summit.sectors()) check(s.span());
  for (const auto& a : summit.agreements()) check(a.span());
  for (const auto& a : summit.amounts()) check(a.span());
  for (const auto& e : summit.related_engagements()) check(e.span());
  for (const auto& s : summit.statements()) check(s.span());
}

class SeedReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = testing::ReadFile(kSeedPath);
    if (text_.empty()) GTEST_SKIP() << "seed report " << kSeedPath << " is absent";
    v1::Article article;
    article.set_source_id("seed-000");
    article.set_text(text_);
    response_ = Extractor().Extract(article);
    ASSERT_TRUE(response_.has_summit()) << response_.not_summit_reason();
    summit_ = response_.summit();
  }

  std::string text_;
  v1::ExtractArticleResponse response_;
  v1::Summit summit_;
};

TEST_F(SeedReportTest, ParticipantsWithTitlesAndCountries) {
  ASSERT_EQ(summit_.participants_size(), 2);
  const v1::SummitParticipant& carney = summit_.participants(0);
  EXPECT_EQ(carney.participant(), "participants/mark-carney");
  EXPECT_EQ(carney.display_name(), "Mark Carney");
  EXPECT_EQ(carney.title(), "Prime Minister");
  EXPECT_EQ(carney.country_code(), "CAN");
  const v1::SummitParticipant& xi = summit_.participants(1);
  EXPECT_EQ(xi.participant(), "participants/xi-jinping");
  EXPECT_EQ(xi.title(), "President");
  EXPECT_EQ(xi.country_code(), "CHN");
  std::vector<std::string> mentions;
  for (const auto& m : xi.mentions()) mentions.push_back(m.text());
  EXPECT_THAT(mentions,
              ElementsAre("Chinese President Xi Jinping", "President Xi", "Xi"));
  EXPECT_EQ(xi.mentions(0).start(), 0u);
  EXPECT_EQ(xi.mentions(0).sentence_index(), 0);
  EXPECT_EQ(xi.mentions(0).source_id(), "seed-000");
}

TEST_F(SeedReportTest, DatePlaceAndName) {
  EXPECT_EQ(summit_.date().year(), 2026);
  EXPECT_EQ(summit_.date().month(), 1);
  EXPECT_EQ(summit_.date().day(), 17);
  EXPECT_EQ(summit_.location().city(), "Beijing");
  EXPECT_EQ(summit_.location().country_code(), "CHN");
  EXPECT_EQ(summit_.name(), "summits/2026-01-17-beijing-can-chn");
  EXPECT_EQ(summit_.format(), v1::SUMMIT_FORMAT_BILATERAL);
  EXPECT_TRUE(response_.warnings().empty()) << absl::StrJoin(response_.warnings(), "; ");
}

TEST_F(SeedReportTest, Sectors) {
  EXPECT_THAT(
      SectorIds(summit_),
      IsSupersetOf({"sectors/trade", "sectors/energy", "sectors/agriculture",
                    "sectors/technology", "sectors/customs", "sectors/construction",
                    "sectors/culture", "sectors/public-security", "sectors/tourism",
                    "sectors/mining", "sectors/investment"}));
  EXPECT_EQ(summit_.sectors(0).surface_text(), "trade");
}

TEST_F(SeedReportTest, CooperationDocumentsAndJointStatement) {
  ASSERT_EQ(summit_.agreements_size(), 2);
  const v1::Agreement& documents = summit_.agreements(0);
  EXPECT_EQ(documents.kind(), v1::AGREEMENT_KIND_COOPERATION_DOCUMENT);
  EXPECT_EQ(documents.count(), 0);  // "multiple": no number stated.
  EXPECT_THAT(
      documents.sectors(),
      ElementsAre("sectors/trade", "sectors/customs", "sectors/energy",
                  "sectors/construction", "sectors/culture", "sectors/public-security"));
  EXPECT_EQ(summit_.agreements(1).kind(), v1::AGREEMENT_KIND_JOINT_STATEMENT);
}

TEST_F(SeedReportTest, AmountsWithUnitsAndCountries) {
  ASSERT_EQ(summit_.amounts_size(), 2);
  const v1::Amount& companies = summit_.amounts(0);
  EXPECT_EQ(companies.value(), 125);
  EXPECT_EQ(companies.unit(), "company");
  EXPECT_EQ(companies.counted(), "Canadian companies");
  EXPECT_EQ(companies.country_code(), "CAN");
  EXPECT_EQ(companies.span().text(), "125 Canadian companies");
  EXPECT_EQ(summit_.amounts(1).value(), 4);
  EXPECT_EQ(summit_.amounts(1).unit(), "proposal");
}

TEST_F(SeedReportTest, RelatedEngagements) {
  ASSERT_GE(summit_.related_engagements_size(), 3);
  const v1::RelatedEngagement& expo = summit_.related_engagements(0);
  EXPECT_EQ(expo.event_name(), "China International Import Expo");
  EXPECT_EQ(expo.ordinal(), 8);
  EXPECT_EQ(expo.date().year(), 2025);
  EXPECT_EQ(expo.date().month(), 11);
  EXPECT_EQ(expo.location().city(), "Shanghai");
  const v1::RelatedEngagement& apec = summit_.related_engagements(1);
  EXPECT_THAT(apec.event_name(), ::testing::HasSubstr("APEC"));
  EXPECT_EQ(apec.ordinal(), 32);
  EXPECT_EQ(apec.date().year(), 2025);
  EXPECT_EQ(apec.date().month(), 10);
  EXPECT_EQ(apec.location().country_code(), "KOR");
  const v1::RelatedEngagement& tours = summit_.related_engagements(2);
  EXPECT_EQ(tours.event_name(), "resumed group tour services");
  EXPECT_EQ(tours.date().year(), 2025);
  EXPECT_EQ(tours.date().month(), 11);
}

TEST_F(SeedReportTest, StatementsAttributedToParticipants) {
  std::vector<std::pair<std::string, std::string>> statements;
  for (const auto& s : summit_.statements())
    statements.emplace_back(s.speaker(), s.verb());
  EXPECT_THAT(statements,
              ElementsAre(std::make_pair("participants/xi-jinping", "emphasize"),
                          std::make_pair("participants/xi-jinping", "call for"),
                          std::make_pair("participants/mark-carney", "remark"),
                          std::make_pair("participants/xi-jinping", "outline"),
                          std::make_pair("participants/xi-jinping", "reiterate")));
}

TEST_F(SeedReportTest, EverySpanCoversItsText) { ExpectSpansMatchText(summit_, text_); }

// --- The corpus ---------------------------------------------------------

std::vector<std::string> CorpusStems() {
  std::vector<std::string> stems;
  for (const auto& entry : std::filesystem::directory_iterator(kExpectedDir)) {
    if (entry.path().extension() == ".json")
      stems.push_back(entry.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

template <typename T, typename F>
std::vector<std::string> Keys(const google::protobuf::RepeatedPtrField<T>& items, F key) {
  std::vector<std::string> keys;
  for (const T& item : items) keys.push_back(key(item));
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string DateKey(const v1::Date& d) {
  return absl::StrCat(d.year(), "-", d.month(), "-", d.day());
}

class CorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusTest, ExtractsTheExpectedRecord) {
  const std::string stem = GetParam();
  v1::Article article =
      ParseJson<v1::Article>(absl::StrCat(kReportsDir, "/", stem, ".json"));
  article.set_text(testing::ReadFile(absl::StrCat(kReportsDir, "/", stem, ".txt")));
  const auto expected = ParseJson<v1::ExtractArticleResponse>(
      absl::StrCat(kExpectedDir, "/", stem, ".json"));
  const v1::ExtractArticleResponse actual = Extractor().Extract(article);
  if (!expected.has_summit()) {
    EXPECT_FALSE(actual.has_summit()) << actual.summit().name();
    EXPECT_FALSE(actual.not_summit_reason().empty());
    return;
  }
  ASSERT_TRUE(actual.has_summit()) << actual.not_summit_reason();
  const v1::Summit& want = expected.summit();
  const v1::Summit& got = actual.summit();
  ExpectSpansMatchText(got, article.text());
  EXPECT_EQ(got.name(), want.name());
  EXPECT_EQ(DateKey(got.date()), DateKey(want.date()));
  EXPECT_EQ(Slug(got.location().city()), Slug(want.location().city()));
  EXPECT_EQ(got.location().country_code(), want.location().country_code());
  EXPECT_EQ(v1::SummitFormat_Name(got.format()), v1::SummitFormat_Name(want.format()));
  auto participant = [](const v1::SummitParticipant& p) {
    return absl::StrCat(p.participant(), " ", absl::AsciiStrToLower(p.title()), " ",
                        p.country_code());
  };
  EXPECT_EQ(Keys(got.participants(), participant),
            Keys(want.participants(), participant));
  auto sector = [](const v1::SummitSector& s) { return s.sector(); };
  EXPECT_EQ(Keys(got.sectors(), sector), Keys(want.sectors(), sector));
  auto agreement = [](const v1::Agreement& a) {
    std::vector<std::string> sectors(a.sectors().begin(), a.sectors().end());
    std::sort(sectors.begin(), sectors.end());
    return absl::StrCat(v1::AgreementKind_Name(a.kind()), " ", a.count(), " ",
                        absl::StrJoin(sectors, ","));
  };
  EXPECT_EQ(Keys(got.agreements(), agreement), Keys(want.agreements(), agreement));
  auto amount = [](const v1::Amount& a) {
    return absl::StrCat(a.value(), " ", a.currency_code(), a.unit(), " ",
                        v1::AmountQualifier_Name(a.qualifier()), " ", a.country_code());
  };
  EXPECT_EQ(Keys(got.amounts(), amount), Keys(want.amounts(), amount));
  auto engagement = [](const v1::RelatedEngagement& e) {
    return absl::StrCat(e.ordinal(), " ", DateKey(e.date()), " ",
                        Slug(e.location().city()), " ", e.location().country_code());
  };
  EXPECT_EQ(Keys(got.related_engagements(), engagement),
            Keys(want.related_engagements(), engagement));
  auto statement = [](const v1::Statement& s) {
    return absl::StrCat(s.speaker(), " ", s.verb());
  };
  EXPECT_EQ(Keys(got.statements(), statement), Keys(want.statements(), statement));
}

INSTANTIATE_TEST_SUITE_P(Reports, CorpusTest, ::testing::ValuesIn(CorpusStems()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return "r" + name;
                         });

}  // namespace
}  // namespace summit::extractor
