// Prometheus metrics as an operator scrapes them: both real binaries with
// --metrics_listen, real traffic through the stubs, then each /metrics page
// read over HTTP, and every counter checked to have moved by exactly what
// the traffic did.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "summit/v1/query_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/sample_reports.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

// The body of GET http://127.0.0.1:`port`/metrics; empty on failure.
std::string Scrape(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0) {
    const std::string request =
        "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
      char buffer[65536];
      for (ssize_t n; (n = read(fd, buffer, sizeof(buffer))) > 0;) response.append(buffer, n);
    }
  }
  close(fd);
  const size_t body = response.find("\r\n\r\n");
  return body == std::string::npos ? "" : response.substr(body + 4);
}

// Each sample line of a scrape: "name{labels}" -> value.
std::map<std::string, double> Samples(const std::string& page) {
  std::map<std::string, double> samples;
  std::istringstream lines(page);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.rfind(' ');
    double value = 0;
    if (space != std::string::npos && absl::SimpleAtod(line.substr(space + 1), &value)) {
      samples[line.substr(0, space)] = value;
    }
  }
  return samples;
}

int ReadPort(const std::string& path) {
  int port = 0;
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (absl::Now() < deadline) {
    if (absl::SimpleAtoi(testing::ReadFile(path), &port) && port > 0) return port;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return 0;
}

class MetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ingest = testing::StartServer(
        SUMMIT_INGEST_BIN,
        {"--db_path=" + dir_.Sub("db"), "--metrics_listen=127.0.0.1:0",
         "--metrics_port_file=" + dir_.Sub("ingest.metrics")},
        dir_.path(), "ingest");
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(std::move(*ingest));
    ingest_stub_ = v1::IngestService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", ingest_->port), grpc::InsecureChannelCredentials()));
    v1::IngestArticleRequest first;
    *first.mutable_article() = testing::LoadSample("02_trump_takaichi_wire");
    v1::IngestArticleResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(ingest_stub_->IngestArticle(&context, first, &response).ok());

    auto query = testing::StartServer(
        SUMMIT_QUERY_BIN,
        {"--db_path=" + dir_.Sub("db"), "--secondary_path=" + dir_.Sub("secondary"),
         "--metrics_listen=127.0.0.1:0", "--metrics_port_file=" + dir_.Sub("query.metrics")},
        dir_.path(), "query");
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(std::move(*query));
    query_stub_ = v1::QueryService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", query_->port), grpc::InsecureChannelCredentials()));
    summit_name_ = response.summit().name();
  }

  void TearDown() override {
    ingest_stub_.reset();
    query_stub_.reset();
    for (std::optional<testing::StartedServer>* server : {&query_, &ingest_}) {
      if (!*server) continue;
      (*server)->process.Signal(SIGTERM);
      EXPECT_TRUE((*server)->process.Wait(absl::Seconds(20)).has_value());
    }
  }

  testing::TempDir dir_;
  std::optional<testing::StartedServer> ingest_;
  std::optional<testing::StartedServer> query_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<v1::QueryService::Stub> query_stub_;
  std::string summit_name_;
};

TEST_F(MetricsTest, CountersMoveByWhatTheTrafficDid) {
  // Ingest: the same report again (unchanged), one refused, one trade
  // stream of two batches with one bad row.
  v1::IngestArticleRequest again;
  *again.mutable_article() = testing::LoadSample("02_trump_takaichi_wire");
  v1::IngestArticleResponse ingested;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(ingest_stub_->IngestArticle(&context, again, &ingested).ok());
  }
  again.mutable_article()->set_source_id("bad id");
  {
    grpc::ClientContext context;
    EXPECT_EQ(ingest_stub_->IngestArticle(&context, again, &ingested).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
  {
    grpc::ClientContext context;
    v1::IngestTradeFlowsResponse response;
    auto writer = ingest_stub_->IngestTradeFlows(&context, &response);
    for (const char* partner : {"CAN", "CHN"}) {  // CHN with itself: refused.
      v1::IngestTradeFlowsRequest batch;
      v1::TradeFlow* row = batch.add_flows();
      row->set_reporter_code("CHN");
      row->set_partner_code(partner);
      row->set_direction(v1::TRADE_FLOW_DIRECTION_EXPORT);
      row->set_commodity_code("TOTAL");
      row->set_year(2024);
      *batch.add_flows() = *row;
      batch.mutable_flows(1)->set_partner_code("USA");
      ASSERT_TRUE(writer->Write(batch));
    }
    ASSERT_TRUE(writer->WritesDone());
    ASSERT_TRUE(writer->Finish().ok());
    ASSERT_EQ(response.accepted_count(), 3);
  }
  // Query: three reads that find the summit, one that does not.
  for (const std::string& name : {summit_name_, summit_name_, summit_name_,
                                  std::string("summits/1999-01-01-nowhere")}) {
    v1::GetSummitRequest request;
    request.set_name(name);
    v1::Summit summit;
    grpc::ClientContext context;
    (void)query_stub_->GetSummit(&context, request, &summit);
  }

  const std::map<std::string, double> ingest =
      Samples(Scrape(ReadPort(dir_.Sub("ingest.metrics"))));
  EXPECT_EQ(ingest.at("summit_ingest_articles_total{outcome=\"created\"}"), 1);
  EXPECT_EQ(ingest.at("summit_ingest_articles_total{outcome=\"unchanged\"}"), 1);
  EXPECT_EQ(ingest.at("summit_ingest_articles_total{outcome=\"rejected\"}"), 1);
  EXPECT_EQ(ingest.at("summit_ingest_trade_rows_total{result=\"accepted\"}"), 3);
  EXPECT_EQ(ingest.at("summit_ingest_trade_rows_total{result=\"rejected\"}"), 1);
  EXPECT_EQ(ingest.at("summit_ingest_trade_batch_seconds_count"), 2);
  EXPECT_EQ(ingest.at("summit_rpc_requests_total{code=\"OK\",method=\"summit.v1."
                      "IngestService/IngestArticle\"}"),
            2);
  EXPECT_EQ(ingest.at("summit_rpc_requests_total{code=\"INVALID_ARGUMENT\",method=\"summit."
                      "v1.IngestService/IngestArticle\"}"),
            1);
  EXPECT_EQ(ingest.at("summit_rpc_messages_received_total{method=\"summit.v1."
                      "IngestService/IngestTradeFlows\"}"),
            2);
  EXPECT_GT(ingest.at("summit_rocksdb_memtable_bytes"), 0);
  EXPECT_EQ(ingest.count("summit_rocksdb_files{level=\"0\"}"), 1u);

  // The follower catches up every 100 ms; the first may not have come yet.
  const int query_port = ReadPort(dir_.Sub("query.metrics"));
  std::map<std::string, double> query = Samples(Scrape(query_port));
  for (const absl::Time deadline = absl::Now() + absl::Seconds(5);
       query["summit_query_catchup_seconds_count"] == 0 && absl::Now() < deadline;) {
    absl::SleepFor(absl::Milliseconds(50));
    query = Samples(Scrape(query_port));
  }
  EXPECT_EQ(query.at("summit_rpc_requests_total{code=\"OK\",method=\"summit.v1."
                     "QueryService/GetSummit\"}"),
            3);
  EXPECT_EQ(query.at("summit_rpc_requests_total{code=\"NOT_FOUND\",method=\"summit.v1."
                     "QueryService/GetSummit\"}"),
            1);
  EXPECT_EQ(query.at("summit_rpc_latency_seconds_count{method=\"summit.v1.QueryService/"
                     "GetSummit\"}"),
            4);
  EXPECT_GT(query.at("summit_query_catchup_seconds_count"), 0);
  EXPECT_LT(query.at("summit_query_catchup_age_seconds"), 5);  // Generous.
  EXPECT_EQ(query.count("summit_rocksdb_live_data_bytes"), 1u);
}

}  // namespace
}  // namespace summit
