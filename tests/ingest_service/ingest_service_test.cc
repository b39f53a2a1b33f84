// Black-box: the real summit_ingest binary on an ephemeral loopback port
// with a temporary database, called through the C++ stubs.
#include <signal.h>
#include <sys/wait.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/admin_service.grpc.pb.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/sample_reports.h"
#include "tests/testing/shared_files.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kToken[] = "s3cret-token";

class IngestServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_.Sub("token")) << kToken << "\n";
    auto server = testing::StartServer(
        SUMMIT_INGEST_BIN,
        {"--db_path=" + dir_.Sub("db"), "--auth_token_file=" + dir_.Sub("token"),
         "--max_article_bytes=100000"},
        dir_.path(), "ingest");
    ASSERT_TRUE(server.ok()) << server.status();
    server_.emplace(std::move(*server));
    stub_ = v1::IngestService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", server_->port), grpc::InsecureChannelCredentials()));
  }

  void TearDown() override {
    if (!server_) return;
    stub_.reset();  // An open client connection would hold the graceful shutdown up.
    server_->process.Signal(SIGTERM);
    std::optional<int> status = server_->process.Wait(absl::Seconds(20));
    ASSERT_TRUE(status.has_value());
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
        << testing::ReadFile(server_->log_path);

    // Whatever the test did, the database it leaves is consistent.
    testing::CommandResult fsck =
        testing::RunCommand({SUMMITCTL_BIN, "fsck", "--db=" + dir_.Sub("db")});
    EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
  }

  // A context carrying the token, or `token` when given.
  std::unique_ptr<grpc::ClientContext> Context(const std::string& token = kToken) {
    auto context = std::make_unique<grpc::ClientContext>();
    if (!token.empty())
      context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
    return context;
  }

  grpc::Status Ingest(const v1::Article& article, v1::IngestArticleResponse* response) {
    v1::IngestArticleRequest request;
    *request.mutable_article() = article;
    return stub_->IngestArticle(Context().get(), request, response);
  }

  testing::TempDir dir_;
  std::optional<testing::StartedServer> server_;
  std::unique_ptr<v1::IngestService::Stub> stub_;
};

TEST_F(IngestServiceTest, ExtractArticleWritesNothingAndNeedsNoToken) {
  v1::ExtractArticleRequest request;
  *request.mutable_article() = testing::LoadSample("01_xi_luxon_readout");
  v1::ExtractArticleResponse response;
  auto context = Context("");
  ASSERT_TRUE(stub_->ExtractArticle(context.get(), request, &response).ok());
  EXPECT_EQ(response.summit().name(), "summits/2026-04-08-beijing-chn-nzl");
  // Ingesting it next creates it: the extraction wrote nothing.
  v1::IngestArticleResponse ingested;
  ASSERT_TRUE(Ingest(request.article(), &ingested).ok());
  EXPECT_EQ(ingested.outcome(), v1::INGEST_OUTCOME_CREATED);
}

TEST_F(IngestServiceTest, ReingestIsIdempotentAndNewTextReplacesTheContribution) {
  v1::Article article = testing::LoadSample("01_xi_luxon_readout");
  v1::IngestArticleResponse first;
  ASSERT_TRUE(Ingest(article, &first).ok());
  EXPECT_EQ(first.outcome(), v1::INGEST_OUTCOME_CREATED);
  ASSERT_EQ(first.summit().sources_size(), 1);
  EXPECT_EQ(first.summit().sources(0).source_id(), "sample-01-xi-luxon-readout");
  EXPECT_GT(first.summit().sources(0).ingest_time().seconds(), 0);

  v1::IngestArticleResponse again;
  ASSERT_TRUE(Ingest(article, &again).ok());
  EXPECT_EQ(again.outcome(), v1::INGEST_OUTCOME_UNCHANGED);
  EXPECT_EQ(again.summit().update_time().seconds(),
            first.summit().update_time().seconds());

  // Drop the paragraph with the four-proposals-like statements and the
  // documents: the summit loses exactly that report's old facts.
  article.set_text(article.text().substr(0, article.text().find("After the talks")));
  v1::IngestArticleResponse updated;
  ASSERT_TRUE(Ingest(article, &updated).ok());
  EXPECT_EQ(updated.outcome(), v1::INGEST_OUTCOME_UPDATED);
  EXPECT_EQ(updated.summit().name(), first.summit().name());
  EXPECT_EQ(updated.summit().agreements_size(), 0);
  EXPECT_EQ(updated.summit().sources_size(), 1);
  EXPECT_NE(updated.summit().sources(0).content_sha256(),
            first.summit().sources(0).content_sha256());
}

TEST_F(IngestServiceTest, TwoReportsOfOneMeetingBecomeOneSummit) {
  std::optional<std::string> seed_text =
      testing::ReadSharedFile(SUMMIT_SHARED_DIR "/seeds/000_331c6ec46661bd9f.txt");
  if (!seed_text.has_value()) return;
  v1::Article seed;
  seed.set_source_id("seed-000");
  seed.set_text(*std::move(seed_text));
  v1::IngestArticleResponse first;
  ASSERT_TRUE(Ingest(seed, &first).ok());
  ASSERT_EQ(first.outcome(), v1::INGEST_OUTCOME_CREATED);

  v1::Article wire;
  wire.set_source_id("wire-2026-01-18");
  wire.mutable_published()->set_year(2026);
  wire.mutable_published()->set_month(1);
  wire.mutable_published()->set_day(18);
  wire.set_text(
      "BEIJING, Jan 17 (Test Wire) - Canadian Prime Minister Mark Carney met Chinese "
      "President Xi Jinping in Beijing on Saturday. The two leaders discussed trade and "
      "canola, and Carney said Canada wanted a steady relationship with China.");
  v1::IngestArticleResponse merged;
  ASSERT_TRUE(Ingest(wire, &merged).ok());
  EXPECT_EQ(merged.outcome(), v1::INGEST_OUTCOME_MERGED);
  EXPECT_EQ(merged.summit().name(), "summits/2026-01-17-beijing-can-chn");
  ASSERT_EQ(merged.summit().participants_size(), 2);  // Not duplicated.
  std::vector<std::string> sources;
  for (const auto& s : merged.summit().sources()) sources.push_back(s.source_id());
  EXPECT_THAT(sources, ElementsAre("seed-000", "wire-2026-01-18"));
  EXPECT_GT(merged.summit().participants(0).mentions_size(),
            first.summit().participants(0).mentions_size());
}

TEST_F(IngestServiceTest, NotASummitIsAnsweredWithTheReasonAndNothingWritten) {
  v1::IngestArticleResponse response;
  ASSERT_TRUE(Ingest(testing::LoadSample("11_vilamar_football"), &response).ok());
  EXPECT_EQ(response.outcome(), v1::INGEST_OUTCOME_NOT_A_SUMMIT);
  EXPECT_FALSE(response.not_summit_reason().empty());
  EXPECT_FALSE(response.has_summit());
}

TEST_F(IngestServiceTest, ArticleStreamReportsEveryResult) {
  auto context = Context();
  v1::IngestArticlesResponse response;
  auto writer = stub_->IngestArticles(context.get(), &response);
  for (const char* stem :
       {"02_trump_takaichi_wire", "12_kestrel_earnings", "02_trump_takaichi_wire"}) {
    v1::IngestArticlesRequest request;
    *request.mutable_article() = testing::LoadSample(stem);
    ASSERT_TRUE(writer->Write(request));
  }
  v1::IngestArticlesRequest bad;
  bad.mutable_article()->set_source_id("bad one");
  bad.mutable_article()->set_text("text");
  ASSERT_TRUE(writer->Write(bad));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(response.created_count(), 1);
  EXPECT_EQ(response.not_a_summit_count(), 1);
  EXPECT_EQ(response.unchanged_count(), 1);
  EXPECT_EQ(response.failed_count(), 1);
  ASSERT_EQ(response.results_size(), 4);
  EXPECT_EQ(response.results(0).summit_name(), "summits/2026-05-06-washington-jpn-usa");
  EXPECT_THAT(response.results(3).error(), HasSubstr("article.source_id: \"bad one\""));
}

TEST_F(IngestServiceTest, InvalidArticlesAreRefusedNamingTheField) {
  v1::Article article;
  article.set_source_id("x");
  v1::IngestArticleResponse response;
  // Invalid UTF-8 cannot even be parsed as a proto3 string: refused, and
  // the service stays up (the next calls are answered).
  article.set_text(std::string("Valid start \xC3\x28 broken", 22));
  EXPECT_FALSE(Ingest(article, &response).ok());
  grpc::Status status;
  article.set_text(std::string(100001, 'a'));
  status = Ingest(article, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              HasSubstr("article.text: 100001 bytes exceed the limit"));

  article.set_text("Some text.");
  article.mutable_published()->set_year(2026);
  article.mutable_published()->set_month(2);
  article.mutable_published()->set_day(30);
  status = Ingest(article, &response);
  EXPECT_EQ(status.error_message(), "article.published.day: 30 is not a day of 2026-2");

  article.clear_source_id();
  status = Ingest(article, &response);
  EXPECT_EQ(status.error_message(), "article.source_id: is required");
}

TEST_F(IngestServiceTest, WritesNeedTheToken) {
  v1::IngestArticleRequest request;
  *request.mutable_article() = testing::LoadSample("02_trump_takaichi_wire");
  v1::IngestArticleResponse response;
  auto none = Context("");
  grpc::Status status = stub_->IngestArticle(none.get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("missing"));
  auto wrong = Context("s3cret-tokeN");
  status = stub_->IngestArticle(wrong.get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("wrong token"));

  auto stream_context = Context("nope");
  v1::IngestTradeFlowsResponse trade;
  auto writer = stub_->IngestTradeFlows(stream_context.get(), &trade);
  writer->WritesDone();
  EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);

  // Nothing was written: with the token the report is new.
  ASSERT_TRUE(Ingest(request.article(), &response).ok());
  EXPECT_EQ(response.outcome(), v1::INGEST_OUTCOME_CREATED);

  // AdminService takes the same token; this server has no --backup_dir.
  auto admin = v1::AdminService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", server_->port), grpc::InsecureChannelCredentials()));
  v1::CreateBackupResponse backup;
  status = admin->CreateBackup(Context("").get(), v1::CreateBackupRequest(), &backup);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  status = admin->CreateBackup(Context().get(), v1::CreateBackupRequest(), &backup);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(), "backups are off: start summit_ingest with --backup_dir");
}

TEST_F(IngestServiceTest, UpsertValidatesLikeExtractionAndDeleteRemoves) {
  v1::UpsertSummitRequest request;
  v1::Summit* summit = request.mutable_summit();
  summit->set_name("summits/2025-06-01-ottawa-can-fra");
  summit->set_title("Curated");
  summit->mutable_date()->set_year(2025);
  summit->mutable_date()->set_month(6);
  summit->mutable_date()->set_day(1);
  for (auto [id, country] :
       {std::pair{"mark-carney", "CAN"}, std::pair{"emmanuel-macron", "FRA"}}) {
    v1::SummitParticipant* p = summit->add_participants();
    p->set_participant(absl::StrCat("participants/", id));
    p->set_country_code(country);
  }
  summit->add_sectors()->set_sector("sectors/energy");
  v1::Amount* pledge = summit->add_amounts();
  pledge->set_value(1.75e9);
  pledge->set_currency_code("EUR");
  v1::UpsertSummitResponse response;
  auto context = Context();
  ASSERT_TRUE(stub_->UpsertSummit(context.get(), request, &response).ok());
  EXPECT_TRUE(response.created());
  EXPECT_GT(response.summit().create_time().seconds(), 0);
  // Money sent without its exact form gets it from the value.
  ASSERT_EQ(response.summit().amounts_size(), 1);
  EXPECT_EQ(response.summit().amounts(0).money().currency_code(), "EUR");
  EXPECT_EQ(response.summit().amounts(0).money().units(), 1750000000);
  EXPECT_EQ(response.summit().amounts(0).money().nanos(), 0);

  summit->mutable_participants(1)->set_country_code("XXX");
  auto bad_country = Context();
  grpc::Status status = stub_->UpsertSummit(bad_country.get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      status.error_message(),
      "summit.participants[1].country_code: \"XXX\" is not an ISO 3166-1 alpha-3 code");
  summit->mutable_participants(1)->set_country_code("FRA");
  summit->mutable_sectors(0)->set_sector("sectors/knitting");
  auto bad_sector = Context();
  status = stub_->UpsertSummit(bad_sector.get(), request, &response);
  EXPECT_EQ(
      status.error_message(),
      "summit.sectors[0].sector: \"sectors/knitting\" is not a sector of the taxonomy");

  v1::DeleteSummitRequest remove;
  remove.set_name("summits/2025-06-01-ottawa-can-fra");
  v1::DeleteSummitResponse removed;
  auto first = Context();
  ASSERT_TRUE(stub_->DeleteSummit(first.get(), remove, &removed).ok());
  auto second = Context();
  status = stub_->DeleteSummit(second.get(), remove, &removed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "summits/2025-06-01-ottawa-can-fra not found");
  remove.set_name("2025-06-01");
  auto malformed = Context();
  status = stub_->DeleteSummit(malformed.get(), remove, &removed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("name: \"2025-06-01\""));
}

v1::TradeFlow Row(const std::string& reporter, int year, const std::string& commodity,
                  int64_t cents) {
  v1::TradeFlow flow;
  flow.set_reporter_code(reporter);
  flow.set_partner_code("CAN");
  flow.set_direction(v1::TRADE_FLOW_DIRECTION_IMPORT);
  flow.set_year(year);
  flow.set_commodity_code(commodity);
  flow.set_value_usd_cents(cents);
  return flow;
}

TEST_F(IngestServiceTest, TradeStreamAcceptsGoodRowsAndListsEveryBadOne) {
  auto context = Context();
  v1::IngestTradeFlowsResponse response;
  auto writer = stub_->IngestTradeFlows(context.get(), &response);
  v1::IngestTradeFlowsRequest first;
  *first.add_flows() = Row("CHN", 2024, "TOTAL", 100);
  *first.add_flows() = Row("XXX", 2024, "TOTAL", 100);
  *first.add_flows() = Row("CHN", 2024, "27", 50);
  ASSERT_TRUE(writer->Write(first));
  v1::IngestTradeFlowsRequest second;
  *second.add_flows() = Row("CHN", 1800, "TOTAL", 1);
  *second.add_flows() = Row("CHN", 2025, "123", 1);
  *second.add_flows() = Row("CHN", 2025, "2701", 7);
  v1::TradeFlow no_flow = Row("CHN", 2025, "TOTAL", 1);
  no_flow.clear_direction();
  *second.add_flows() = no_flow;
  ASSERT_TRUE(writer->Write(second));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(response.accepted_count(), 3);
  EXPECT_EQ(response.batch_count(), 2);
  std::vector<std::string> rejected;
  for (const auto& r : response.rejected()) {
    rejected.push_back(absl::StrCat(r.index(), " ", r.batch_index(), ":",
                                    r.index_in_batch(), " ", r.field_path(), ": ",
                                    r.reason()));
  }
  EXPECT_THAT(
      rejected,
      ElementsAre("1 0:1 flows[1].reporter_code: \"XXX\" is not an ISO 3166-1 alpha-3 code",
                  "3 1:0 flows[0].year: 1800 is not within 1900..2100",
                  "4 1:1 flows[1].commodity_code: \"123\" is neither TOTAL nor an HS code "
                  "of 2, 4 or 6 digits",
                  "6 1:3 flows[3].direction: TRADE_FLOW_DIRECTION_UNSPECIFIED is not a "
                  "direction; use TRADE_FLOW_DIRECTION_EXPORT, TRADE_FLOW_DIRECTION_IMPORT, "
                  "TRADE_FLOW_DIRECTION_RE_EXPORT or TRADE_FLOW_DIRECTION_RE_IMPORT"));
}

TEST_F(IngestServiceTest, TooLargeATradeBatchEndsTheStreamNamingTheLimit) {
  auto context = Context();
  v1::IngestTradeFlowsResponse response;
  auto writer = stub_->IngestTradeFlows(context.get(), &response);
  v1::IngestTradeFlowsRequest request;
  for (int i = 0; i < 10001; ++i) *request.add_flows() = Row("CHN", 2000, "TOTAL", i);
  writer->Write(request);
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "batch 0: flows: 10001 rows exceed the batch limit of 10000");
}

TEST_F(IngestServiceTest, MalformedAndOversizedMessagesAreRefusedAndTheServiceStaysUp) {
  grpc::GenericStub generic(grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port),
                                                grpc::InsecureChannelCredentials()));
  const std::string garbage = "\x0a\xff\xff\xff\xff\x0f not a protobuf";
  grpc::Slice slice(garbage);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer reply;
  std::mutex mu;
  std::condition_variable done_cv;
  bool done = false;
  grpc::Status status;
  auto context = Context();
  generic.UnaryCall(context.get(), "/summit.v1.IngestService/IngestArticle", {}, &request,
                    &reply, [&](grpc::Status s) {
                      std::lock_guard<std::mutex> lock(mu);
                      status = s;
                      done = true;
                      done_cv.notify_one();
                    });
  {
    std::unique_lock<std::mutex> lock(mu);
    done_cv.wait(lock, [&] { return done; });
  }
  EXPECT_FALSE(status.ok());

  v1::Article huge;
  huge.set_source_id("huge");
  huge.set_text(std::string(5 << 20, 'a'));  // Beyond the receive limit.
  v1::IngestArticleResponse response;
  status = Ingest(huge, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << status.error_message();

  // Still serving.
  ASSERT_TRUE(Ingest(testing::LoadSample("02_trump_takaichi_wire"), &response).ok());
  EXPECT_EQ(response.outcome(), v1::INGEST_OUTCOME_CREATED);
}

TEST_F(IngestServiceTest, SigtermDuringATradeStreamLeavesAConsistentDatabase) {
  auto context = Context();
  v1::IngestTradeFlowsResponse response;
  auto writer = stub_->IngestTradeFlows(context.get(), &response);
  int sent = 0;
  for (int batch = 0; batch < 20; ++batch) {
    v1::IngestTradeFlowsRequest request;
    for (int i = 0; i < 500; ++i)
      *request.add_flows() = Row("CHN", 1950 + batch, absl::StrCat(10 + i % 89), i);
    if (!writer->Write(request)) break;
    ++sent;
    if (batch == 10) server_->process.Signal(SIGTERM);
  }
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  // Either the stream completed before the shutdown, or it was cut: in both
  // cases every batch is whole or absent, which TearDown's fsck checks, and
  // the server exits cleanly.
  if (status.ok()) EXPECT_EQ(response.accepted_count(), 500 * sent);
  std::optional<int> exit = server_->process.Wait(absl::Seconds(20));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(WIFEXITED(*exit) && WEXITSTATUS(*exit) == 0)
      << testing::ReadFile(server_->log_path);
  server_.reset();
  testing::CommandResult fsck =
      testing::RunCommand({SUMMITCTL_BIN, "fsck", "--db=" + dir_.Sub("db")});
  EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
  // Each batch is one year of 89 distinct rows: whole batches only.
  const size_t at = fsck.output.find(" trade rows");
  ASSERT_NE(at, std::string::npos) << fsck.output;
  const size_t from = fsck.output.rfind(' ', at - 1) + 1;
  const int rows = std::stoi(fsck.output.substr(from, at - from));
  EXPECT_EQ(rows % 89, 0) << fsck.output;
  EXPECT_LE(rows, 89 * sent);
  if (status.ok()) EXPECT_EQ(rows, 89 * sent);
}

TEST(IngestServiceStartupTest, WithoutATokenWritesNeedNoAuthorization) {
  testing::TempDir dir;
  auto server = testing::StartServer(SUMMIT_INGEST_BIN, {"--db_path=" + dir.Sub("db")},
                                     dir.path(), "ingest");
  ASSERT_TRUE(server.ok()) << server.status();
  {
    auto stub = v1::IngestService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", server->port), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    v1::IngestArticleRequest request;
    *request.mutable_article() = testing::LoadSample("05_carney_sheinbaum_call");
    v1::IngestArticleResponse response;
    ASSERT_TRUE(stub->IngestArticle(&context, request, &response).ok());
    EXPECT_EQ(response.summit().name(), "summits/2026-05-25-call-can-mex");
  }
  server->process.Signal(SIGTERM);
  EXPECT_TRUE(server->process.Wait(absl::Seconds(20)).has_value());
}

TEST(IngestServiceStartupTest, RefusesNonLoopbackWithoutToken) {
  testing::TempDir dir;
  testing::CommandResult result = testing::RunCommand(
      {SUMMIT_INGEST_BIN, "--listen=0.0.0.0:0", "--db_path=" + dir.Sub("db")},
      absl::Seconds(20));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("--listen: 0.0.0.0:0 is not loopback"));
}

TEST(IngestServiceStartupTest, RefusesAnArticleLimitThatCannotWork) {
  for (const char* bytes : {"0", "-1", "1073741825"}) {
    testing::TempDir dir;
    testing::CommandResult result = testing::RunCommand(
        {SUMMIT_INGEST_BIN, "--listen=127.0.0.1:0", "--db_path=" + dir.Sub("db"),
         absl::StrCat("--max_article_bytes=", bytes)},
        absl::Seconds(20));
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_THAT(result.output, HasSubstr(absl::StrCat("--max_article_bytes: ", bytes,
                                                      " is not within 1..1073741824")));
    EXPECT_FALSE(std::filesystem::exists(dir.Sub("db"))) << "refused before opening";
  }
}

}  // namespace
}  // namespace summit
