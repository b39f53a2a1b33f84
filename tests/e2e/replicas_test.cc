// Read replicas: one summit_ingest and three summit_query processes on the
// same database directory, each with its own secondary files, as the query
// Deployment runs them on a shared volume. Under concurrent writers every
// replica sees each acknowledged summit within the freshness bound and all
// converge to the same answers; a replica killed with SIGKILL and restarted
// catches up. Prints the largest ack-to-visible lag seen.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "summit/v1/query_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/summits.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

constexpr int kReplicas = 3;
constexpr int kWriters = 2;
constexpr int kSummitsPerWriter = 60;
// The freshness bound this test holds the replicas to: catch-up every
// 100 ms (--catchup_interval's default) plus generous room for a loaded
// 2-core machine.
constexpr absl::Duration kFreshness = absl::Seconds(3);

class ReplicasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ingest = testing::StartServer(SUMMIT_INGEST_BIN, {"--db_path=" + dir_.Sub("db")},
                                       dir_.path(), "ingest");
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(std::move(*ingest));
    ingest_stub_ = v1::IngestService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", ingest_->port), grpc::InsecureChannelCredentials()));
    // A first write creates the database the replicas open.
    Write("seed", 1);
    for (int r = 0; r < kReplicas; ++r) StartReplica(r);
  }

  void TearDown() override {
    stubs_.clear();
    for (std::optional<testing::StartedServer>& replica : replicas_) {
      if (!replica) continue;
      replica->process.Signal(SIGTERM);
      EXPECT_TRUE(replica->process.Wait(absl::Seconds(20)).has_value());
    }
    ingest_stub_.reset();
    if (ingest_) {
      ingest_->process.Signal(SIGTERM);
      EXPECT_TRUE(ingest_->process.Wait(absl::Seconds(20)).has_value());
    }
  }

  // Starts replica `r` on its secondary directory; `start` numbers its
  // starts, each with its own port file and log.
  void StartReplica(int r, int start = 0) {
    auto query = testing::StartServer(
        SUMMIT_QUERY_BIN,
        {"--db_path=" + dir_.Sub("db"),
         "--secondary_path=" + dir_.Sub(absl::StrCat("secondary", r))},
        dir_.path(), absl::StrCat("query", r, "-", start));
    ASSERT_TRUE(query.ok()) << query.status();
    if (replicas_.size() <= static_cast<size_t>(r)) replicas_.resize(r + 1);
    if (stubs_.size() <= static_cast<size_t>(r)) stubs_.resize(r + 1);
    replicas_[r].emplace(std::move(*query));
    stubs_[r] = v1::QueryService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", replicas_[r]->port), grpc::InsecureChannelCredentials()));
  }

  // Stores summit `id` on day `day` of 2026; fails the test unless
  // acknowledged.
  void Write(const std::string& id, int day) {
    v1::UpsertSummitRequest request;
    *request.mutable_summit() = testing::MakeSummit(
        id, testing::MakeDate(2026, 1 + day / 28 % 12, 1 + day % 28),
        {{"mark-carney", "CAN"}, {"xi-jinping", "CHN"}}, {"trade"});
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    v1::UpsertSummitResponse response;
    const grpc::Status status = ingest_stub_->UpsertSummit(&context, request, &response);
    EXPECT_TRUE(status.ok()) << id << ": " << status.error_message();
  }

  // Whether replica `r` answers GetSummit for `id`.
  bool Sees(int r, const std::string& id) {
    v1::GetSummitRequest request;
    request.set_name("summits/" + id);
    request.set_view(v1::SUMMIT_VIEW_BASIC);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    v1::Summit summit;
    return stubs_[r]->GetSummit(&context, request, &summit).ok();
  }

  // Polls until replica `r` sees `id`; the time that took, or nullopt past
  // kFreshness.
  std::optional<absl::Duration> Lag(int r, const std::string& id, absl::Time acked) {
    while (!Sees(r, id)) {
      if (absl::Now() - acked > kFreshness) return std::nullopt;
      absl::SleepFor(absl::Milliseconds(2));
    }
    return absl::Now() - acked;
  }

  // The names of every summit replica `r` lists, in list order; none while
  // it cannot answer.
  std::vector<std::string> Names(int r) {
    v1::ListSummitsRequest request;
    request.set_page_size(1000);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    v1::ListSummitsResponse response;
    // A replica still opening its secondary answers UNAVAILABLE: nothing yet.
    if (!stubs_[r]->ListSummits(&context, request, &response).ok()) return {};
    std::vector<std::string> names;
    for (const v1::Summit& summit : response.summits()) names.push_back(summit.name());
    return names;
  }

  // Waits until every replica lists `expected` summits, and checks they list
  // the same ones.
  void ExpectConverged(size_t expected) {
    const absl::Time deadline = absl::Now() + kFreshness;
    std::vector<std::vector<std::string>> lists(kReplicas);
    for (int r = 0; r < kReplicas; ++r) {
      while ((lists[r] = Names(r)).size() < expected && absl::Now() < deadline) {
        absl::SleepFor(absl::Milliseconds(10));
      }
      EXPECT_EQ(lists[r].size(), expected) << "replica " << r;
    }
    for (int r = 1; r < kReplicas; ++r) EXPECT_EQ(lists[r], lists[0]) << "replica " << r;
  }

  testing::TempDir dir_;
  std::optional<testing::StartedServer> ingest_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
  std::vector<std::optional<testing::StartedServer>> replicas_;
  std::vector<std::unique_ptr<v1::QueryService::Stub>> stubs_;
};

TEST_F(ReplicasTest, ThreeReplicasSeeEveryWriteWithinTheBoundAndConverge) {
  absl::Mutex mu;
  absl::Duration max_lag;
  int late = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kSummitsPerWriter; ++i) {
        const std::string id = absl::StrCat("w", w, "-", i);
        Write(id, w * kSummitsPerWriter + i);
        const absl::Time acked = absl::Now();
        // Each write is looked for on one replica in turn, while the
        // other writer goes on.
        const std::optional<absl::Duration> lag = Lag(i % kReplicas, id, acked);
        absl::MutexLock lock(&mu);
        if (!lag.has_value()) {
          ++late;
        } else {
          max_lag = std::max(max_lag, *lag);
        }
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(late, 0) << "writes not visible within " << kFreshness;
  std::cout << "replicas: max ack-to-visible lag " << absl::FormatDuration(max_lag)
            << " over " << kWriters * kSummitsPerWriter << " writes\n";
  ExpectConverged(1 + kWriters * kSummitsPerWriter);

  // A replica killed with SIGKILL, writes meanwhile, restarted on the same
  // secondary directory: it catches up with all of them.
  replicas_[1]->process.Signal(SIGKILL);
  ASSERT_TRUE(replicas_[1]->process.Wait(absl::Seconds(10)).has_value());
  replicas_[1].reset();
  for (int i = 0; i < 20; ++i) Write(absl::StrCat("after-kill-", i), 200 + i);
  StartReplica(1, /*start=*/1);
  const absl::Time restarted = absl::Now();
  ExpectConverged(1 + kWriters * kSummitsPerWriter + 20);
  std::cout << "replicas: the restarted replica converged in "
            << absl::FormatDuration(absl::Now() - restarted) << "\n";
}

}  // namespace
}  // namespace summit
