// Both real binaries on one temporary database: what summit_ingest
// acknowledges, summit_query answers.
#include <future>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "summit/v1/query_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class QueryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto servers = testing::StartServerPair(SUMMIT_INGEST_BIN, SUMMIT_QUERY_BIN, dir_.path());
    ASSERT_TRUE(servers.ok()) << servers.status();
    servers_.emplace(*std::move(servers));
    ingest_stub_ = v1::IngestService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", servers_->ingest.port), grpc::InsecureChannelCredentials()));
    query_stub_ = v1::QueryService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", servers_->query.port), grpc::InsecureChannelCredentials()));
    // Clients wait for the follower to open the database (health SERVING);
    // until then reads answer UNAVAILABLE.
    v1::Summit unused;
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (GetSummit("summits/probe", &unused).error_code() ==
               grpc::StatusCode::UNAVAILABLE &&
           absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(10));
    }
  }

  void TearDown() override {
    ingest_stub_.reset();
    query_stub_.reset();
    if (servers_) EXPECT_TRUE(testing::StopServerPair(*servers_));
  }

  // Ingests a sample report; returns its summit's name.
  std::string Ingest(const std::string& stem) {
    v1::IngestArticleRequest request;
    const std::string base = absl::StrCat(SUMMIT_SOURCE_DIR, "/samples/reports/", stem);
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(
                    testing::ReadFile(base + ".json"), request.mutable_article())
                    .ok());
    request.mutable_article()->set_text(testing::ReadFile(base + ".txt"));
    v1::IngestArticleResponse response;
    grpc::ClientContext context;
    EXPECT_TRUE(ingest_stub_->IngestArticle(&context, request, &response).ok());
    return response.summit().name();
  }

  grpc::Status GetSummit(const std::string& name, v1::Summit* summit) {
    grpc::ClientContext context;
    v1::GetSummitRequest request;
    request.set_name(name);
    return query_stub_->GetSummit(&context, request, summit);
  }

  testing::TempDir dir_;
  std::optional<testing::ServerPair> servers_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<v1::QueryService::Stub> query_stub_;
};

TEST_F(QueryServiceTest, AnAcknowledgedSummitIsReadableWithinASecond) {
  const std::string name = Ingest("01_xi_luxon_readout");
  ASSERT_EQ(name, "summits/2026-04-08-beijing-chn-nzl");
  const absl::Time acknowledged = absl::Now();
  v1::Summit summit;
  grpc::Status status;
  do {
    status = GetSummit(name, &summit);
  } while (!status.ok() && absl::Now() - acknowledged < absl::Seconds(5));
  const absl::Duration freshness = absl::Now() - acknowledged;
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_LT(freshness, absl::Seconds(1));
  EXPECT_EQ(summit.location().city(), "Beijing");
  ASSERT_EQ(summit.participants_size(), 2);
  EXPECT_EQ(summit.participants(0).participant(), "participants/xi-jinping");
  EXPECT_EQ(summit.participants(1).title(), "Prime Minister");
}

TEST_F(QueryServiceTest, ParticipantsAndSectorsCarryTheirCounts) {
  Ingest("01_xi_luxon_readout");
  // A call that touched agriculture too (07, the ministers' talks on pork
  // sales, is no summit: ministers meeting alone).
  const std::string last = Ingest("05_carney_sheinbaum_call");
  v1::Summit summit;
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (!GetSummit(last, &summit).ok() && absl::Now() < deadline)
    absl::SleepFor(absl::Milliseconds(10));

  grpc::ClientContext participant_context;
  v1::GetParticipantRequest participant_request;
  participant_request.set_name("participants/christopher-luxon");
  v1::Participant luxon;
  ASSERT_TRUE(
      query_stub_->GetParticipant(&participant_context, participant_request, &luxon)
          .ok());
  EXPECT_EQ(luxon.country_code(), "NZL");
  EXPECT_EQ(luxon.summit_count(), 1);
  EXPECT_EQ(luxon.first_seen().month(), 4);
  EXPECT_EQ(luxon.last_seen().day(), 8);

  grpc::ClientContext sector_context;
  v1::GetSectorRequest sector_request;
  sector_request.set_name("sectors/agriculture");
  v1::Sector agriculture;
  ASSERT_TRUE(query_stub_->GetSector(&sector_context, sector_request, &agriculture).ok());
  EXPECT_EQ(agriculture.display_name(), "Agriculture");
  EXPECT_THAT(agriculture.hs_chapters(), Contains("10"));
  EXPECT_EQ(agriculture.summit_count(), 2);
  EXPECT_EQ(agriculture.agreement_count(), 1);  // The Luxon readout's documents.
}

TEST_F(QueryServiceTest, MissingAndMalformedNamesAreNamed) {
  v1::Summit summit;
  grpc::Status status = GetSummit("summits/2020-01-01-nowhere", &summit);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "summits/2020-01-01-nowhere not found");
  status = GetSummit("summit/x", &summit);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("name: \"summit/x\""));

  grpc::ClientContext context;
  v1::GetSectorRequest request;
  request.set_name("sectors/knitting");
  v1::Sector sector;
  status = query_stub_->GetSector(&context, request, &sector);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("sectors/knitting"));
}

TEST_F(QueryServiceTest, BufCurlReadsASummitThroughReflectionOnly) {
  const std::string name = Ingest("09_ruto_abiy_addis");
  v1::Summit summit;
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (!GetSummit(name, &summit).ok() && absl::Now() < deadline)
    absl::SleepFor(absl::Milliseconds(10));
  testing::CommandResult result = testing::RunCommand(
      {SUMMIT_BUF_BIN, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "-d",
       absl::StrCat("{\"name\":\"", name, "\"}"),
       absl::StrCat("http://127.0.0.1:", servers_->query.port,
                    "/summit.v1.QueryService/GetSummit")});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("\"displayName\": \"William Ruto\""));
  EXPECT_THAT(result.output, HasSubstr("\"city\": \"Addis Ababa\""));
}

// GetSummit decodes its request itself (it answers with stored bytes): a
// request that is not a GetSummitRequest is INVALID_ARGUMENT, and the
// service goes on serving.
TEST_F(QueryServiceTest, AMalformedGetSummitRequestIsRefusedAndServingGoesOn) {
  grpc::GenericStub generic(grpc::CreateChannel(absl::StrCat("127.0.0.1:", servers_->query.port),
                                                grpc::InsecureChannelCredentials()));
  const std::string garbage = "\x0a\xff\xff\xff\xff\x0f not a protobuf";
  grpc::Slice slice(garbage);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer reply;
  std::promise<grpc::Status> done;
  grpc::ClientContext context;
  generic.UnaryCall(&context, "/summit.v1.QueryService/GetSummit", {}, &request, &reply,
                    [&](grpc::Status status) { done.set_value(status); });
  const grpc::Status status = done.get_future().get();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "request: cannot be parsed as a summit.v1.GetSummitRequest");

  const std::string name = Ingest("01_xi_luxon_readout");
  v1::Summit summit;
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (!GetSummit(name, &summit).ok() && absl::Now() < deadline)
    absl::SleepFor(absl::Milliseconds(10));
  EXPECT_EQ(summit.name(), name);
  EXPECT_EQ(summit.participants_size(), 2);
}

}  // namespace
}  // namespace summit
