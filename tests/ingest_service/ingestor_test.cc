// The Ingestor over a real RocksDB primary, without gRPC: MergeSummit's
// union of two reports of one meeting, and re-ingesting one of them.
#include "ingest_service/ingestor.h"

#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "common/resource_names.h"
#include "common/text_spans.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "storage/database.h"
#include "storage/summit_store.h"
#include "tests/testing/sample_reports.h"
#include "tests/testing/temp_dir.h"

namespace summit::ingest {

using common::ForEachTextSpan;

namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::Pair;

v1::TextSpan Span(const std::string& source_id, uint32_t start) {
  v1::TextSpan span;
  span.set_source_id(source_id);
  span.set_start(start);
  span.set_end(start + 4);
  return span;
}

v1::SummitParticipant* AddParticipant(v1::Summit& summit, const std::string& id,
                                      const std::string& country,
                                      const std::string& title) {
  v1::SummitParticipant* participant = summit.add_participants();
  participant->set_participant("participants/" + id);
  participant->set_country_code(country);
  participant->set_title(title);
  return participant;
}

v1::SummitSector* AddSector(v1::Summit& summit, const std::string& id,
                            const v1::TextSpan& span) {
  v1::SummitSector* sector = summit.add_sectors();
  sector->set_sector("sectors/" + id);
  *sector->mutable_span() = span;
  *sector->add_mentions() = span;
  return sector;
}

void AddAgreement(v1::Summit& summit, int count, const std::string& sector,
                  const v1::TextSpan& span) {
  v1::Agreement* agreement = summit.add_agreements();
  agreement->set_kind(v1::AGREEMENT_KIND_COOPERATION_DOCUMENT);
  agreement->set_count(count);
  agreement->add_sectors("sectors/" + sector);
  *agreement->mutable_span() = span;
}

void AddAmount(v1::Summit& summit, double value, const std::string& currency,
               const v1::TextSpan& span) {
  v1::Amount* amount = summit.add_amounts();
  amount->set_value(value);
  amount->set_currency_code(currency);
  amount->set_unit("per year");
  *amount->mutable_span() = span;
}

void AddStatement(v1::Summit& summit, const std::string& speaker, const std::string& text,
                  const v1::TextSpan& span) {
  v1::Statement* statement = summit.add_statements();
  statement->set_speaker("participants/" + speaker);
  statement->set_verb("said");
  statement->set_text(text);
  *statement->mutable_span() = span;
}

// Report "a" of a meeting in Beijing: Xi and Luxon (no title), trade, three
// documents, one amount, one statement.
v1::Summit ReportA() {
  v1::Summit summit;
  summit.set_name("summits/2026-04-08-beijing-chn-nzl");
  summit.mutable_location()->set_city("Beijing");
  *AddParticipant(summit, "xi-jinping", "CHN", "President")->add_mentions() =
      Span("a", 0);
  *AddParticipant(summit, "christopher-luxon", "NZL", "")->add_mentions() = Span("a", 10);
  AddSector(summit, "trade", Span("a", 20));
  AddAgreement(summit, 3, "trade", Span("a", 30));
  AddAmount(summit, 40e9, "NZD", Span("a", 40));
  AddStatement(summit, "xi-jinping", "trade is growing", Span("a", 50));
  summit.add_sources()->set_source_id("a");
  return summit;
}

// Report "b" of the same meeting: Luxon with his title and Peters, trade
// and agriculture, the same documents and amount and statement as "a" and
// one more of each, placed in Shanghai.
v1::Summit ReportB() {
  v1::Summit summit;
  summit.set_name("summits/2026-04-08-beijing-chn-nzl");
  summit.mutable_location()->set_city("Shanghai");
  *AddParticipant(summit, "christopher-luxon", "NZL", "Prime Minister")->add_mentions() =
      Span("b", 5);
  *AddParticipant(summit, "winston-peters", "NZL", "Foreign Minister")->add_mentions() =
      Span("b", 15);
  AddSector(summit, "trade", Span("b", 25));
  AddSector(summit, "agriculture", Span("b", 35));
  AddAgreement(summit, 3, "trade", Span("b", 45));
  AddAgreement(summit, 2, "agriculture", Span("b", 55));
  AddAmount(summit, 40e9, "NZD", Span("b", 65));
  AddAmount(summit, 5e9, "USD", Span("b", 75));
  AddStatement(summit, "xi-jinping", "trade is growing", Span("b", 85));
  AddStatement(summit, "christopher-luxon", "dairy exports will grow", Span("b", 95));
  summit.add_sources()->set_source_id("b");
  return summit;
}

// (source_id, start) of each span, for comparing where facts came from.
std::vector<std::pair<std::string, uint32_t>> Origins(
    const google::protobuf::RepeatedPtrField<v1::TextSpan>& spans) {
  std::vector<std::pair<std::string, uint32_t>> origins;
  for (const v1::TextSpan& span : spans)
    origins.emplace_back(span.source_id(), span.start());
  return origins;
}

std::pair<std::string, uint32_t> Origin(const v1::TextSpan& span) {
  return {span.source_id(), span.start()};
}

TEST(MergeSummitTest, ParticipantsAreMergedOnceWithTheMentionsOfBothReports) {
  v1::Summit merged = ReportA();
  MergeSummit(ReportB(), merged);

  ASSERT_EQ(merged.participants_size(), 3);  // Luxon once.
  const v1::SummitParticipant& xi = merged.participants(0);
  EXPECT_EQ(xi.participant(), "participants/xi-jinping");
  EXPECT_THAT(Origins(xi.mentions()), ElementsAre(Pair("a", 0)));
  const v1::SummitParticipant& luxon = merged.participants(1);
  EXPECT_EQ(luxon.participant(), "participants/christopher-luxon");
  EXPECT_EQ(luxon.title(), "Prime Minister");  // "a" gave none.
  EXPECT_THAT(Origins(luxon.mentions()), ElementsAre(Pair("a", 10), Pair("b", 5)));
  const v1::SummitParticipant& peters = merged.participants(2);
  EXPECT_EQ(peters.participant(), "participants/winston-peters");
  EXPECT_EQ(peters.title(), "Foreign Minister");
  EXPECT_THAT(Origins(peters.mentions()), ElementsAre(Pair("b", 15)));
}

TEST(MergeSummitTest, AKnownTitleIsKept) {
  v1::Summit merged = ReportB();
  v1::Summit other = ReportA();
  other.mutable_participants(1)->set_title("Leader");
  MergeSummit(other, merged);
  ASSERT_EQ(merged.participants(1).participant(), "participants/christopher-luxon");
  EXPECT_EQ(merged.participants(1).title(), "Prime Minister");
}

TEST(MergeSummitTest, FactsAreUnionedAndKeepTheirSources) {
  v1::Summit merged = ReportA();
  MergeSummit(ReportB(), merged);

  ASSERT_EQ(merged.sectors_size(), 2);
  EXPECT_EQ(merged.sectors(0).sector(), "sectors/trade");
  EXPECT_THAT(Origin(merged.sectors(0).span()), Pair("a", 20));
  EXPECT_THAT(Origins(merged.sectors(0).mentions()),
              ElementsAre(Pair("a", 20), Pair("b", 25)));
  EXPECT_EQ(merged.sectors(1).sector(), "sectors/agriculture");
  EXPECT_THAT(Origins(merged.sectors(1).mentions()), ElementsAre(Pair("b", 35)));

  // The documents, amount and statement both reports state are kept once,
  // as the first report stated them.
  ASSERT_EQ(merged.agreements_size(), 2);
  EXPECT_EQ(merged.agreements(0).count(), 3);
  EXPECT_THAT(Origin(merged.agreements(0).span()), Pair("a", 30));
  EXPECT_EQ(merged.agreements(1).count(), 2);
  EXPECT_THAT(Origin(merged.agreements(1).span()), Pair("b", 55));
  ASSERT_EQ(merged.amounts_size(), 2);
  EXPECT_EQ(merged.amounts(0).currency_code(), "NZD");
  EXPECT_THAT(Origin(merged.amounts(0).span()), Pair("a", 40));
  EXPECT_EQ(merged.amounts(1).currency_code(), "USD");
  EXPECT_THAT(Origin(merged.amounts(1).span()), Pair("b", 75));
  ASSERT_EQ(merged.statements_size(), 2);
  EXPECT_EQ(merged.statements(0).text(), "trade is growing");
  EXPECT_THAT(Origin(merged.statements(0).span()), Pair("a", 50));
  EXPECT_EQ(merged.statements(1).text(), "dairy exports will grow");
  EXPECT_THAT(Origin(merged.statements(1).span()), Pair("b", 95));

  ASSERT_EQ(merged.sources_size(), 2);
  EXPECT_EQ(merged.sources(0).source_id(), "a");
  EXPECT_EQ(merged.sources(1).source_id(), "b");
  EXPECT_EQ(merged.location().city(), "Beijing");  // The first known city.
}

TEST(MergeSummitTest, MergingAReportAgainAddsNoFacts) {
  v1::Summit merged = ReportA();
  MergeSummit(ReportB(), merged);
  v1::Summit twice = merged;
  MergeSummit(ReportB(), twice);
  EXPECT_EQ(twice.agreements_size(), merged.agreements_size());
  EXPECT_EQ(twice.amounts_size(), merged.amounts_size());
  EXPECT_EQ(twice.statements_size(), merged.statements_size());
  EXPECT_EQ(twice.sources_size(), merged.sources_size());
  EXPECT_EQ(twice.participants_size(), merged.participants_size());
}

// A span's text, start and end.
using SpanText = std::tuple<std::string, uint32_t, uint32_t>;

// The spans of report `source_id` in `summit`, in the order ForEachTextSpan
// visits them.
std::vector<SpanText> SpansOf(const v1::Summit& summit, const std::string& source_id) {
  std::vector<SpanText> spans;
  ForEachTextSpan(summit, [&](absl::string_view, const v1::TextSpan& span) {
    if (span.source_id() == source_id) {
      spans.emplace_back(span.text(), span.start(), span.end());
    }
  });
  return spans;
}

std::set<SpanText> Distinct(const std::vector<SpanText>& spans) {
  return {spans.begin(), spans.end()};
}

std::vector<std::string> SourceIds(const v1::Summit& summit) {
  std::vector<std::string> ids;
  for (const v1::Source& source : summit.sources()) ids.push_back(source.source_id());
  return ids;
}

constexpr char kReadout[] = "sample-01-xi-luxon-readout";
constexpr char kWire[] = "wire-2026-04-08";

// A second report of the meeting of sample 01: the same leaders, trade,
// dairy and tourism, and a statement of Luxon's; no documents.
v1::Article Wire() {
  v1::Article article;
  article.set_source_id(kWire);
  article.mutable_published()->set_year(2026);
  article.mutable_published()->set_month(4);
  article.mutable_published()->set_day(8);
  article.set_text(
      "BEIJING, April 8 (Test Wire) - Chinese President Xi Jinping met New Zealand Prime "
      "Minister Christopher Luxon in Beijing on Wednesday. The two leaders discussed "
      "trade, dairy and tourism. Luxon said New Zealand wanted a stable and growing "
      "relationship with China.");
  return article;
}

class IngestorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<storage::Database>> db =
        storage::Database::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    ingestor_ = std::make_unique<Ingestor>(db_.get(), ValidationLimits{});
  }

  // Ingests `article`, expecting `outcome`; the summit it answers with.
  v1::Summit Ingest(const v1::Article& article, v1::IngestOutcome outcome) {
    absl::StatusOr<v1::IngestArticleResponse> response =
        ingestor_->IngestArticle(article);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) return v1::Summit();
    EXPECT_EQ(response->outcome(), outcome) << article.source_id();
    return response->summit();
  }

  // The stored summit `name`.
  v1::Summit Stored(const std::string& name) {
    absl::StatusOr<v1::Summit> summit = storage::SummitStore(db_.get()).GetSummit(
        *common::ResourceId(name, common::kSummits, "name"));
    EXPECT_TRUE(summit.ok()) << summit.status();
    return summit.ok() ? *std::move(summit) : v1::Summit();
  }

  testing::TempDir dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Ingestor> ingestor_;
};

TEST_F(IngestorTest, ASecondReportOfTheMeetingIsMergedIntoIt) {
  const v1::Summit readout =
      Ingest(testing::LoadSample("01_xi_luxon_readout"), v1::INGEST_OUTCOME_CREATED);
  const v1::Summit merged = Ingest(Wire(), v1::INGEST_OUTCOME_MERGED);
  EXPECT_EQ(merged.name(), readout.name());
  EXPECT_THAT(SourceIds(merged), ElementsAre(kReadout, kWire));
  EXPECT_EQ(merged.participants_size(), readout.participants_size());
  EXPECT_EQ(SpansOf(merged, kReadout), SpansOf(readout, kReadout));
  EXPECT_FALSE(SpansOf(merged, kWire).empty());
  EXPECT_TRUE(MessageDifferencer::Equals(Stored(merged.name()), merged));
}

TEST_F(IngestorTest, AChangedReportLosesItsOldContributionAndKeepsTheOtherReports) {
  v1::Article readout = testing::LoadSample("01_xi_luxon_readout");
  Ingest(readout, v1::INGEST_OUTCOME_CREATED);
  const v1::Summit merged = Ingest(Wire(), v1::INGEST_OUTCOME_MERGED);
  // Only the readout's last paragraph names documents.
  ASSERT_GT(merged.agreements_size(), 0);
  for (const v1::Agreement& agreement : merged.agreements()) {
    EXPECT_EQ(agreement.span().source_id(), kReadout);
  }

  readout.set_text(readout.text().substr(0, readout.text().find("After the talks")));
  const v1::Summit updated = Ingest(readout, v1::INGEST_OUTCOME_UPDATED);
  EXPECT_EQ(updated.name(), merged.name());
  // The new version is merged into what the wire left: it comes last.
  ASSERT_THAT(SourceIds(updated), ElementsAre(kWire, kReadout));
  EXPECT_NE(updated.sources(1).content_sha256(), merged.sources(0).content_sha256());
  EXPECT_EQ(updated.agreements_size(), 0);
  // The readout's spans are of its new text only; the wire's are all kept,
  // as a single span (a sector's) that was the readout's is replaced by a
  // mention the wire gave.
  EXPECT_FALSE(SpansOf(updated, kReadout).empty());
  for (const auto& [text, start, end] : SpansOf(updated, kReadout)) {
    EXPECT_LE(end, readout.text().size()) << text;
    EXPECT_EQ(readout.text().substr(start, end - start), text);
  }
  EXPECT_EQ(Distinct(SpansOf(updated, kWire)), Distinct(SpansOf(merged, kWire)));
  std::vector<std::string> sectors;
  for (const v1::SummitSector& sector : updated.sectors()) {
    sectors.push_back(sector.sector());
  }
  EXPECT_THAT(sectors,
              IsSupersetOf({"sectors/trade", "sectors/agriculture", "sectors/tourism"}));
  std::vector<std::string> statements;
  for (const v1::Statement& statement : updated.statements()) {
    statements.push_back(statement.text());
  }
  EXPECT_THAT(statements, Contains("New Zealand wanted a stable and growing relationship "
                                   "with China"));
  EXPECT_TRUE(MessageDifferencer::Equals(Stored(updated.name()), updated));
}

TEST_F(IngestorTest, TheSameReportAgainChangesNothing) {
  const v1::Article readout = testing::LoadSample("01_xi_luxon_readout");
  Ingest(readout, v1::INGEST_OUTCOME_CREATED);
  const v1::Summit merged = Ingest(Wire(), v1::INGEST_OUTCOME_MERGED);

  const v1::Summit again = Ingest(readout, v1::INGEST_OUTCOME_UNCHANGED);
  EXPECT_TRUE(MessageDifferencer::Equals(again, merged));
  const v1::Summit wire_again = Ingest(Wire(), v1::INGEST_OUTCOME_UNCHANGED);
  EXPECT_TRUE(MessageDifferencer::Equals(wire_again, merged));
  EXPECT_TRUE(MessageDifferencer::Equals(Stored(merged.name()), merged));
}

}  // namespace
}  // namespace summit::ingest
