// Requests whose bytes do not parse, sent as raw bytes through
// grpc::GenericStub to every method of both real binaries (IngestService,
// QueryService and their Health service): each is answered INVALID_ARGUMENT
// saying what could not be parsed, and the servers answer valid calls
// afterwards. Also: a client's long value is echoed as a short quote, so the
// status reaches a C++ client intact.
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/admin_service.pb.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "summit/v1/query_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/sample_reports.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;
using ::testing::SizeIs;

// The wire format, by hand.
std::string Varint(uint64_t value) {
  std::string bytes;
  for (; value >= 0x80; value >>= 7) bytes += static_cast<char>((value & 0x7f) | 0x80);
  return bytes + static_cast<char>(value);
}
std::string Tag(int field, int wire_type) { return Varint(field << 3 | wire_type); }
std::string Delimited(int field, const std::string& bytes) {
  return Tag(field, 2) + Varint(bytes.size()) + bytes;
}

// A lead byte of a two-byte sequence followed by '(': not UTF-8.
const std::string kNotUtf8 = "\xc3(";

// Bytes that are no message of any type, by shape.
std::vector<std::pair<std::string, std::string>> MalformedShapes() {
  std::mt19937 random(11);
  std::string noise(64, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  return {
      {"random bytes", noise},
      {"a truncated varint", Tag(1, 0) + "\xff\xff"},
      {"a length past the end", Tag(1, 2) + Varint(16) + "abc"},
      {"wire type 7", Tag(1, 7) + "x"},
      {"100,000 nested groups",
       [] {
         std::string groups;
         for (int i = 0; i < 100000; ++i) groups += Tag(1, 3);
         for (int i = 0; i < 100000; ++i) groups += Tag(1, 4);
         return groups;
       }()},
  };
}

// Per method, a request with a string field that is not UTF-8, and that
// field's path; both empty for a request without string fields.
const std::map<std::string, std::pair<std::string, std::string>>& NotUtf8Requests() {
  static const auto* requests =
      new std::map<std::string, std::pair<std::string, std::string>>{
          {"summit.v1.QueryService.GetSummit", {Delimited(1, kNotUtf8), "name"}},
          {"summit.v1.QueryService.ListSummits", {Delimited(3, kNotUtf8), "participant"}},
          {"summit.v1.QueryService.GetParticipant", {Delimited(1, kNotUtf8), "name"}},
          {"summit.v1.QueryService.ListParticipants",
           {Delimited(3, kNotUtf8), "country_code"}},
          {"summit.v1.QueryService.GetSector", {Delimited(1, kNotUtf8), "name"}},
          {"summit.v1.QueryService.ListSectors",
           {Delimited(4, "CHN") + Delimited(4, kNotUtf8), "country_codes[1]"}},
          {"summit.v1.QueryService.GetTradeStatistics",
           {Delimited(1, "CHN") + Delimited(2, kNotUtf8), "partner_code"}},
          {"summit.v1.QueryService.ListTradeFlows",
           {Delimited(3, "CHN") + Delimited(4, kNotUtf8), "partner_code"}},
          {"summit.v1.QueryService.GetBilateralOverview",
           {Delimited(1, kNotUtf8), "country_codes[0]"}},
          {"summit.v1.IngestService.ExtractArticle",
           {Delimited(1, Delimited(5, kNotUtf8)), "article.text"}},
          {"summit.v1.IngestService.IngestArticle",
           {Delimited(1, Delimited(1, "a-source") + Delimited(5, kNotUtf8)),
            "article.text"}},
          {"summit.v1.IngestService.IngestArticles",
           {Delimited(1, Delimited(1, kNotUtf8)), "article.source_id"}},
          {"summit.v1.IngestService.UpsertSummit",
           {Delimited(1, Delimited(1, kNotUtf8)), "summit.name"}},
          {"summit.v1.IngestService.DeleteSummit", {Delimited(1, kNotUtf8), "name"}},
          {"summit.v1.IngestService.IngestTradeFlows",
           {Delimited(1, Delimited(1, "CHN")) + Delimited(1, Delimited(2, kNotUtf8)),
            "flows[1].partner_code"}},
          {"summit.v1.AdminService.CreateBackup", {"", ""}},
          {"grpc.health.v1.Health.Check", {Delimited(1, kNotUtf8), "service"}},
          {"grpc.health.v1.Health.Watch", {Delimited(1, kNotUtf8), "service"}},
      };
  return *requests;
}

grpc::ByteBuffer Buffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

// One call of `method` ("/pkg.Service/Method") with `bytes` as its only
// request message; a client-streaming method reads it as message 0.
grpc::Status CallRaw(grpc::GenericStub& stub, const std::string& method,
                     const std::string& bytes) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  grpc::ByteBuffer request = Buffer(bytes);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, method, {}, &request, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  return done.get_future().get();
}

// Sends `messages` in order as the client stream of `method`, then closes
// it; returns the call's status.
class RawStream final
    : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  static grpc::Status Send(grpc::GenericStub& stub, const std::string& method,
                           std::vector<std::string> messages) {
    RawStream stream(std::move(messages));
    stream.context_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    stub.PrepareBidiStreamingCall(&stream.context_, method, {}, &stream);
    stream.StartRead(&stream.response_);
    stream.WriteNext();
    stream.StartCall();
    return stream.done_.get_future().get();
  }

  void OnWriteDone(bool ok) override {
    if (ok) WriteNext();
  }
  void OnDone(const grpc::Status& status) override { done_.set_value(status); }

 private:
  explicit RawStream(std::vector<std::string> messages)
      : messages_(std::move(messages)) {}

  void WriteNext() {
    if (next_ == messages_.size()) {
      StartWritesDone();
      return;
    }
    request_ = Buffer(messages_[next_++]);
    StartWrite(&request_);
  }

  const std::vector<std::string> messages_;
  size_t next_ = 0;
  grpc::ClientContext context_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  std::promise<grpc::Status> done_;
};

class MalformedRequestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto servers =
        testing::StartServerPair(SUMMIT_INGEST_BIN, SUMMIT_QUERY_BIN, dir_.path());
    ASSERT_TRUE(servers.ok()) << servers.status();
    servers_.emplace(*std::move(servers));
    for (int port : {servers_->ingest.port, servers_->query.port}) {
      channels_.push_back(grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                              grpc::InsecureChannelCredentials()));
    }
    // The query service answers once its follower has opened the database.
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (HealthOf(channels_[1]) != HealthCheckResponse::SERVING &&
           absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(10));
    }
    ASSERT_EQ(HealthOf(channels_[1]), HealthCheckResponse::SERVING);
  }

  void TearDown() override {
    channels_.clear();
    if (servers_) EXPECT_TRUE(testing::StopServerPair(*servers_));
  }

  static HealthCheckResponse::ServingStatus HealthOf(
      const std::shared_ptr<grpc::Channel>& channel) {
    grpc::ClientContext context;
    HealthCheckResponse response;
    if (!Health::NewStub(channel)
             ->Check(&context, HealthCheckRequest(), &response)
             .ok()) {
      return HealthCheckResponse::UNKNOWN;
    }
    return response.status();
  }

  std::shared_ptr<grpc::Channel> IngestChannel() const { return channels_[0]; }
  std::shared_ptr<grpc::Channel> QueryChannel() const { return channels_[1]; }

  testing::TempDir dir_;
  std::optional<testing::ServerPair> servers_;
  std::vector<std::shared_ptr<grpc::Channel>> channels_;  // Ingest, query.
};

// What the services answer to `bytes` that do not parse as a request of
// `method`, with " (`path` is not valid UTF-8)" when given.
std::string CannotParse(const google::protobuf::MethodDescriptor& method,
                        const std::string& path = "") {
  return absl::StrCat(
      method.client_streaming() ? "message 0 of the stream" : "request",
      ": cannot be parsed as a ", method.input_type()->full_name(),
      path.empty() ? "" : absl::StrCat(" (", path, " is not valid UTF-8)"));
}

TEST_F(MalformedRequestTest, EveryMethodAnswersInvalidArgumentToBytesThatDoNotParse) {
  // Links AdminService's descriptors, which no other code here refers to.
  ASSERT_NE(v1::CreateBackupRequest::descriptor(), nullptr);
  const google::protobuf::DescriptorPool& pool =
      *google::protobuf::DescriptorPool::generated_pool();
  // Each service, on the servers that serve it.
  const std::vector<std::pair<std::string, std::vector<std::shared_ptr<grpc::Channel>>>>
      services = {{"summit.v1.IngestService", {IngestChannel()}},
                  {"summit.v1.QueryService", {QueryChannel()}},
                  {"summit.v1.AdminService", {IngestChannel()}},
                  {"grpc.health.v1.Health", {IngestChannel(), QueryChannel()}}};
  int calls = 0;
  for (const auto& [service_name, channels] : services) {
    const google::protobuf::ServiceDescriptor* service =
        pool.FindServiceByName(service_name);
    ASSERT_NE(service, nullptr) << service_name;
    for (int m = 0; m < service->method_count(); ++m) {
      const google::protobuf::MethodDescriptor& method = *service->method(m);
      const std::string path = absl::StrCat("/", service_name, "/", method.name());
      auto not_utf8 = NotUtf8Requests().find(method.full_name());
      ASSERT_NE(not_utf8, NotUtf8Requests().end()) << "no UTF-8 case for " << path;
      // Shape, bytes, answer.
      std::vector<std::tuple<std::string, std::string, std::string>> cases;
      for (const auto& [shape, bytes] : MalformedShapes()) {
        cases.emplace_back(shape, bytes, CannotParse(method));
      }
      if (!not_utf8->second.first.empty()) {
        cases.emplace_back("a string that is not UTF-8", not_utf8->second.first,
                           CannotParse(method, not_utf8->second.second));
      }

      std::unique_ptr<google::protobuf::Message> request(
          google::protobuf::MessageFactory::generated_factory()
              ->GetPrototype(method.input_type())
              ->New());
      for (const auto& [shape, bytes, answer] : cases) {
        ASSERT_FALSE(request->ParseFromString(bytes)) << shape << " parses as " << path;
        for (const std::shared_ptr<grpc::Channel>& channel : channels) {
          grpc::GenericStub stub(channel);
          const grpc::Status status = CallRaw(stub, path, bytes);
          EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
              << path << " with " << shape << ": " << status.error_message();
          EXPECT_EQ(status.error_message(), answer) << path << " with " << shape;
          ++calls;
        }
      }
    }
  }
  // Six cases per method and server; five for CreateBackup (no string).
  EXPECT_EQ(calls, (6 + 9 + 2 * 2) * 6 + 5);

  // A unary call that carries no request message at all.
  grpc::GenericStub query(QueryChannel());
  const grpc::Status empty =
      RawStream::Send(query, "/summit.v1.QueryService/GetSummit", {});
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(empty.error_message(),
            "request: cannot be parsed as a summit.v1.GetSummitRequest");

  // Both servers still answer.
  for (const std::shared_ptr<grpc::Channel>& channel : channels_) {
    EXPECT_EQ(HealthOf(channel), HealthCheckResponse::SERVING);
  }
  grpc::ClientContext extract_context;
  v1::ExtractArticleRequest extract;
  *extract.mutable_article() = testing::LoadSample("01_xi_luxon_readout");
  v1::ExtractArticleResponse extracted;
  ASSERT_TRUE(v1::IngestService::NewStub(IngestChannel())
                  ->ExtractArticle(&extract_context, extract, &extracted)
                  .ok());
  EXPECT_EQ(extracted.summit().name(), "summits/2026-04-08-beijing-chn-nzl");
  grpc::ClientContext sector_context;
  v1::GetSectorRequest sector_request;
  sector_request.set_name("sectors/energy");
  v1::Sector sector;
  ASSERT_TRUE(v1::QueryService::NewStub(QueryChannel())
                  ->GetSector(&sector_context, sector_request, &sector)
                  .ok());
  EXPECT_EQ(sector.display_name(), "Energy");
}

TEST_F(MalformedRequestTest, AStreamEndsAtTheMessageThatDoesNotParseAndKeepsThoseBefore) {
  grpc::GenericStub stub(IngestChannel());
  v1::IngestArticlesRequest report;
  *report.mutable_article() = testing::LoadSample("01_xi_luxon_readout");
  const grpc::Status articles =
      RawStream::Send(stub, "/summit.v1.IngestService/IngestArticles",
                      {report.SerializeAsString(), Tag(1, 2) + Varint(16) + "abc"});
  EXPECT_EQ(articles.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      articles.error_message(),
      "message 1 of the stream: cannot be parsed as a summit.v1.IngestArticlesRequest");
  // Message 0 was ingested: sent again, it changes nothing.
  grpc::ClientContext context;
  v1::IngestArticleRequest again;
  *again.mutable_article() = report.article();
  v1::IngestArticleResponse outcome;
  ASSERT_TRUE(v1::IngestService::NewStub(IngestChannel())
                  ->IngestArticle(&context, again, &outcome)
                  .ok());
  EXPECT_EQ(outcome.outcome(), v1::INGEST_OUTCOME_UNCHANGED);

  v1::IngestTradeFlowsRequest batch;
  v1::TradeFlow* row = batch.add_flows();
  row->set_reporter_code("CHN");
  row->set_partner_code("NZL");
  row->set_direction(v1::TRADE_FLOW_DIRECTION_EXPORT);
  row->set_year(2024);
  row->set_commodity_code("TOTAL");
  row->set_value_usd_cents(12345);
  const grpc::Status trade = RawStream::Send(
      stub, "/summit.v1.IngestService/IngestTradeFlows",
      {batch.SerializeAsString(), batch.SerializeAsString(),
       NotUtf8Requests().at("summit.v1.IngestService.IngestTradeFlows").first});
  EXPECT_EQ(trade.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      trade.error_message(),
      "message 2 of the stream: cannot be parsed as a summit.v1.IngestTradeFlowsRequest "
      "(flows[1].partner_code is not valid UTF-8)");
  // Batches 0 and 1 were written (the same row twice: one row).
  v1::GetTradeStatisticsRequest statistics;
  statistics.set_reporter_code("CHN");
  statistics.set_partner_code("NZL");
  v1::GetTradeStatisticsResponse answer;
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (answer.series_size() == 0 && absl::Now() < deadline) {
    grpc::ClientContext statistics_context;
    ASSERT_TRUE(v1::QueryService::NewStub(QueryChannel())
                    ->GetTradeStatistics(&statistics_context, statistics, &answer)
                    .ok());
  }
  ASSERT_THAT(answer.series(), SizeIs(1));
  EXPECT_EQ(answer.series(0).total_usd_cents(), 12345);
}

TEST_F(MalformedRequestTest, ALongValueIsQuotedShortAndTheStatusArrivesIntact) {
  const std::string long_id(10240, 'a');
  const std::string long_name = "summits/" + long_id;
  const std::string quoted_name =
      absl::StrCat("\"", long_name.substr(0, 64), "\"... (", long_name.size(), " bytes)");
  auto query = v1::QueryService::NewStub(QueryChannel());
  auto ingest = v1::IngestService::NewStub(IngestChannel());

  grpc::ClientContext get_context;
  v1::GetSummitRequest get;
  get.set_name(long_name);
  v1::Summit summit;
  grpc::Status status = query->GetSummit(&get_context, get, &summit);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            absl::StrCat("name: ", quoted_name,
                         " has an id that is empty or over 128 characters"));

  grpc::ClientContext list_context;
  v1::ListSummitsRequest list;
  list.set_sector("sectors/" + long_id);
  v1::ListSummitsResponse summits;
  status = query->ListSummits(&list_context, list, &summits);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      status.error_message(),
      absl::StrCat("sector: \"sectors/", long_id.substr(0, 56), "\"... (10248 bytes) ",
                   "has an id that is empty or over 128 characters"));

  grpc::ClientContext trade_context;
  v1::GetTradeStatisticsRequest trade;
  trade.set_reporter_code(std::string(10240, 'X'));
  trade.set_partner_code("CAN");
  v1::GetTradeStatisticsResponse statistics;
  status = query->GetTradeStatistics(&trade_context, trade, &statistics);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            absl::StrCat("reporter_code: \"", std::string(64, 'X'),
                         "\"... (10240 bytes) is not an ISO 3166-1 alpha-3 code"));

  grpc::ClientContext delete_context;
  v1::DeleteSummitRequest del;
  del.set_name(long_name);
  v1::DeleteSummitResponse deleted;
  status = ingest->DeleteSummit(&delete_context, del, &deleted);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            absl::StrCat("name: ", quoted_name,
                         " has an id that is empty or over 128 characters"));

  grpc::ClientContext health_context;
  HealthCheckRequest check;
  check.set_service(long_id);
  HealthCheckResponse health;
  status = Health::NewStub(QueryChannel())->Check(&health_context, check, &health);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(),
            absl::StrCat("service: \"", long_id.substr(0, 64),
                         "\"... (10240 bytes) is not served here"));
}

}  // namespace
}  // namespace summit
