// Several clients write to one real summit_ingest at once, in rounds that
// make their writes collide: reports of one meeting, new versions of one
// report, upserts and deletes of one curated summit, an upsert racing a
// report of the same meeting. Every acknowledgement is recorded; afterwards
// the stored state is checked against that history. Commits are ordered by
// the update_time each acknowledgement carries (strictly increasing from
// one commit to the next); deletes are not timed and are checked by what
// they allow.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/barrier.h"
#include "absl/time/civil_time.h"
#include "common/digest.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "storage/database.h"
#include "storage/summit_store.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {

using common::Sha256Hex;

namespace {

using ::google::protobuf::Timestamp;
using ::google::protobuf::util::TimeUtil;

constexpr int kClients = 4;
constexpr int kMeetings = 200;       // Reports of one meeting sent at once.
constexpr int kUpdatedSources = 20;  // Versions of one report sent at once.
constexpr int kRacedSummits = 20;    // An upsert and a report of one meeting.
constexpr int kCuratedSummits = 10;  // Upserted and deleted by the other clients.

// Three wordings of one meeting of Xi Jinping and Mark Carney in Beijing.
std::string MeetingReport(int wording, absl::CivilDay day) {
  const std::string date = absl::FormatCivilTime(day);
  const std::string when = absl::StrCat(
      std::vector<std::string>{"January", "February", "March", "April", "May", "June",
                               "July", "August", "September", "October", "November",
                               "December"}[day.month() - 1],
      " ", day.day(), ", ", day.year());
  switch (wording % 3) {
    case 0:
      return absl::StrCat(
          "Chinese President Xi Jinping held talks with Canadian Prime Minister Mark "
          "Carney in Beijing on ",
          when,
          ".\n\nThe two leaders agreed to expand cooperation in trade and "
          "agriculture, Xi said after the meeting.\n");
    case 1:
      return absl::StrCat(
          "Canadian Prime Minister Mark Carney met Chinese President Xi Jinping in "
          "Beijing on ",
          when,
          ", and discussed energy and clean technology.\n\nCarney said the talks "
          "were frank and constructive.\n");
    default:
      return absl::StrCat(
          "Chinese President Xi Jinping met Canadian Prime Minister Mark Carney in "
          "Beijing on ",
          when, ". The two leaders discussed fisheries and tourism.\n");
  }
}

// The n-th day of the test's calendar; meetings three days apart never merge.
absl::CivilDay Day(int n) { return absl::CivilDay(2025, 4, 1) + n; }

// Where each group's meetings start in the calendar.
constexpr int kFirstUpdatedDay = 3 * kMeetings + 10;
constexpr int kFirstRacedDay = kFirstUpdatedDay + 6 * kUpdatedSources + 10;

std::string MeetingSummitId(absl::CivilDay day) {
  return absl::StrCat(absl::FormatCivilTime(day), "-beijing-can-chn");
}

// A curated summit of Carney and Macron (never merged with the reports).
v1::Summit CuratedSummit(const std::string& id, absl::CivilDay day,
                         const std::string& title, bool with_xi) {
  v1::Summit summit;
  summit.set_name("summits/" + id);
  summit.set_title(title);
  summit.mutable_date()->set_year(static_cast<int>(day.year()));
  summit.mutable_date()->set_month(day.month());
  summit.mutable_date()->set_day(day.day());
  std::vector<std::pair<std::string, std::string>> people = {{"mark-carney", "CAN"}};
  people.emplace_back(
      with_xi ? std::pair<std::string, std::string>{"xi-jinping", "CHN"}
              : std::pair<std::string, std::string>{"emmanuel-macron", "FRA"});
  for (const auto& [id, country] : people) {
    v1::SummitParticipant* participant = summit.add_participants();
    participant->set_participant("participants/" + id);
    participant->set_country_code(country);
  }
  summit.add_sectors()->set_sector("sectors/trade");
  return summit;
}

// One write a client sent, and what the service answered.
struct Ack {
  enum class Kind { kReport, kUpsert, kDelete } kind = Kind::kReport;
  std::string key;  // Source id of a report; summit id otherwise.
  std::string sha;  // Of a report's text.
  grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
  std::string message;
  v1::IngestOutcome outcome = v1::INGEST_OUTCOME_UNSPECIFIED;
  bool created = false;
  v1::Summit summit;  // As the response gave it.
};

// One client's writes, round by round; an empty op sits a round out.
using Op = std::function<Ack(v1::IngestService::Stub&)>;

// What a call of `kind` about `key` was answered.
Ack Answered(Ack::Kind kind, std::string key, const grpc::Status& status) {
  Ack ack;
  ack.kind = kind;
  ack.key = std::move(key);
  ack.code = status.error_code();
  ack.message = status.error_message();
  return ack;
}

Ack SendReport(v1::IngestService::Stub& stub, const std::string& source_id,
               const std::string& text) {
  v1::IngestArticleRequest request;
  request.mutable_article()->set_source_id(source_id);
  request.mutable_article()->set_text(text);
  // Published after every meeting of the calendar.
  request.mutable_article()->mutable_published()->set_year(2028);
  request.mutable_article()->mutable_published()->set_month(1);
  request.mutable_article()->mutable_published()->set_day(1);
  v1::IngestArticleResponse response;
  grpc::ClientContext context;
  Ack ack = Answered(Ack::Kind::kReport, source_id,
                     stub.IngestArticle(&context, request, &response));
  ack.sha = Sha256Hex(text);
  ack.outcome = response.outcome();
  ack.summit = response.summit();
  return ack;
}

Ack SendUpsert(v1::IngestService::Stub& stub, const v1::Summit& summit) {
  v1::UpsertSummitRequest request;
  *request.mutable_summit() = summit;
  v1::UpsertSummitResponse response;
  grpc::ClientContext context;
  Ack ack = Answered(Ack::Kind::kUpsert, summit.name().substr(sizeof("summits/") - 1),
                     stub.UpsertSummit(&context, request, &response));
  ack.created = response.created();
  ack.summit = response.summit();
  return ack;
}

Ack SendDelete(v1::IngestService::Stub& stub, const std::string& summit_id) {
  v1::DeleteSummitRequest request;
  request.set_name("summits/" + summit_id);
  v1::DeleteSummitResponse response;
  grpc::ClientContext context;
  return Answered(Ack::Kind::kDelete, summit_id,
                  stub.DeleteSummit(&context, request, &response));
}

// The source of `summit` with `source_id`, or null.
const v1::Source* FindSource(const v1::Summit& summit, const std::string& source_id) {
  for (const v1::Source& source : summit.sources()) {
    if (source.source_id() == source_id) return &source;
  }
  return nullptr;
}

// The acknowledged write that committed last among `acks` (by update_time);
// null when none.
const Ack* LastCommitted(const std::vector<const Ack*>& acks) {
  const Ack* last = nullptr;
  for (const Ack* ack : acks) {
    if (last == nullptr || ack->summit.update_time() > last->summit.update_time()) {
      last = ack;
    }
  }
  return last;
}

class ConcurrencyStressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = testing::StartServer(SUMMIT_INGEST_BIN, {"--db_path=" + dir_.Sub("db")},
                                       dir_.path(), "ingest");
    ASSERT_TRUE(server.ok()) << server.status();
    server_.emplace(std::move(*server));
  }

  void TearDown() override {
    if (server_) server_->process.Signal(SIGKILL);
  }

  // Runs `rounds[r][c]` on client c, all clients starting round r together.
  std::vector<Ack> Run(const std::vector<std::vector<Op>>& rounds) {
    std::vector<std::unique_ptr<absl::Barrier>> barriers;
    for (size_t r = 0; r < rounds.size(); ++r) {
      barriers.push_back(std::make_unique<absl::Barrier>(kClients));
    }
    std::vector<std::vector<Ack>> acks(kClients);
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        // A channel per client: the writes travel on separate connections.
        grpc::ChannelArguments arguments;
        arguments.SetInt("grpc.use_local_subchannel_pool", 1);
        auto stub = v1::IngestService::NewStub(
            grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", server_->port),
                                      grpc::InsecureChannelCredentials(), arguments));
        for (size_t r = 0; r < rounds.size(); ++r) {
          barriers[r]->Block();
          if (rounds[r][c]) acks[c].push_back(rounds[r][c](*stub));
        }
      });
    }
    for (std::thread& client : clients) client.join();
    std::vector<Ack> all;
    for (std::vector<Ack>& some : acks) {
      for (Ack& ack : some) all.push_back(std::move(ack));
    }
    return all;
  }

  // Stops the server gracefully, checks the database with fsck, then reads
  // every stored summit by id.
  std::map<std::string, v1::Summit> StopAndReadAll() {
    server_->process.Signal(SIGTERM);
    std::optional<int> status = server_->process.Wait(absl::Seconds(30));
    EXPECT_TRUE(status.has_value() && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
        << testing::ReadFile(server_->log_path);
    server_.reset();
    testing::CommandResult fsck =
        testing::RunCommand({SUMMITCTL_BIN, "fsck", "--db=" + dir_.Sub("db")});
    EXPECT_EQ(fsck.exit_code, 0) << fsck.output;

    std::map<std::string, v1::Summit> summits;
    auto db = storage::Database::OpenPrimary(dir_.Sub("db"));
    EXPECT_TRUE(db.ok()) << db.status();
    if (!db.ok()) return summits;
    storage::SummitStore store(db->get());
    std::string resume;
    do {
      absl::StatusOr<storage::IdPage> page =
          store.ScanSummitIds({storage::SummitScan{}}, 500, resume);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      for (const std::string& id : page->ids) summits[id] = *store.GetSummit(id);
      resume = page->resume_after;
    } while (!resume.empty());
    return summits;
  }

  testing::TempDir dir_;
  std::optional<testing::StartedServer> server_;
};

TEST_F(ConcurrencyStressTest, FinalStateMatchesEveryAcknowledgedWrite) {
  std::vector<std::vector<Op>> rounds;
  int curated_round = 0;
  // The clients a round leaves free upsert and delete the curated summits.
  auto curated_op = [&](int client) -> Op {
    const int round = curated_round;
    const std::string id = absl::StrCat("curated-", round % kCuratedSummits);
    if ((round + client) % 4 == 3) {
      return [id](v1::IngestService::Stub& stub) { return SendDelete(stub, id); };
    }
    const v1::Summit summit = CuratedSummit(
        id, absl::CivilDay(2025, 6, 1 + round % kCuratedSummits),
        absl::StrCat(id, " by client ", client, " in round ", round), false);
    return [summit](v1::IngestService::Stub& stub) { return SendUpsert(stub, summit); };
  };
  auto add_round = [&](std::vector<Op> ops) {
    for (int c = 0; c < kClients; ++c) {
      if (!ops[c]) ops[c] = curated_op(c);
    }
    ++curated_round;
    rounds.push_back(std::move(ops));
  };
  auto report_op = [](std::string source_id, std::string text) -> Op {
    return [source_id, text](v1::IngestService::Stub& stub) {
      return SendReport(stub, source_id, text);
    };
  };

  // Two or three reports of one meeting at once.
  for (int g = 0; g < kMeetings; ++g) {
    std::vector<Op> ops(kClients);
    for (int k = 0; k < 2 + g % 2; ++k) {
      ops[k] = report_op(absl::StrCat("meeting-", g, "-report-", k),
                         MeetingReport(k, Day(3 * g)));
    }
    add_round(std::move(ops));
  }
  // Versions of one report at once: of one meeting, then of another three
  // days later, and the first again.
  for (int j = 0; j < kUpdatedSources; ++j) {
    const std::string source_id = absl::StrCat("updated-", j);
    const absl::CivilDay first = Day(kFirstUpdatedDay + 6 * j);
    const absl::CivilDay second = Day(kFirstUpdatedDay + 3 + 6 * j);
    add_round({report_op(source_id, MeetingReport(0, first)),
               report_op(source_id, MeetingReport(1, second)),
               report_op(source_id, MeetingReport(0, first)), nullptr});
  }
  // A curated record and a report of the same meeting at once.
  for (int j = 0; j < kRacedSummits; ++j) {
    const absl::CivilDay day = Day(kFirstRacedDay + 3 * j);
    const v1::Summit curated =
        CuratedSummit(MeetingSummitId(day), day, absl::StrCat("Curated ", j), true);
    add_round(
        {[curated](v1::IngestService::Stub& stub) { return SendUpsert(stub, curated); },
         report_op(absl::StrCat("raced-", j), MeetingReport(j, day)), nullptr, nullptr});
  }

  const std::vector<Ack> acks = Run(rounds);
  const std::map<std::string, v1::Summit> summits = StopAndReadAll();
  ASSERT_FALSE(summits.empty());

  // Every answer is an acknowledgement, or a NOT_FOUND of a delete; the
  // history holds the acknowledged writes.
  std::map<std::string, std::vector<const Ack*>> by_key;
  int checked = 0;
  for (const Ack& ack : acks) {
    if (ack.kind == Ack::Kind::kDelete && ack.code == grpc::StatusCode::NOT_FOUND)
      continue;
    EXPECT_EQ(ack.code, grpc::StatusCode::OK) << ack.key << ": " << ack.message;
    if (ack.code != grpc::StatusCode::OK) continue;
    by_key[ack.key].push_back(&ack);
    if (ack.kind != Ack::Kind::kReport) continue;
    // A report's answer holds its text's version.
    const v1::Source* source = FindSource(ack.summit, ack.key);
    ASSERT_NE(source, nullptr) << ack.key << " not in its answer";
    EXPECT_EQ(source->content_sha256(), ack.sha) << ack.key;
  }

  // Where each stored source is; no source is in two summits, and every one
  // was acknowledged.
  std::map<std::string, std::string> stored_in;
  for (const auto& [id, summit] : summits) {
    for (const v1::Source& source : summit.sources()) {
      EXPECT_TRUE(stored_in.emplace(source.source_id(), id).second)
          << source.source_id() << " in two summits";
      EXPECT_EQ(by_key.count(source.source_id()), 1u)
          << source.source_id() << " was never acknowledged";
    }
  }

  // Reports of one meeting: one CREATED, the others MERGED, all in one
  // summit, whichever arrived first.
  for (int g = 0; g < kMeetings; ++g) {
    const std::string id = MeetingSummitId(Day(3 * g));
    int created = 0;
    for (int k = 0; k < 2 + g % 2; ++k) {
      const std::string source_id = absl::StrCat("meeting-", g, "-report-", k);
      if (by_key[source_id].size() != 1) {
        ADD_FAILURE() << source_id << " was not acknowledged once";
        continue;
      }
      const Ack& ack = *by_key[source_id].front();
      if (ack.outcome == v1::INGEST_OUTCOME_CREATED) ++created;
      EXPECT_THAT(ack.outcome,
                  ::testing::AnyOf(v1::INGEST_OUTCOME_CREATED, v1::INGEST_OUTCOME_MERGED))
          << source_id;
      EXPECT_EQ(stored_in[source_id], id) << source_id;
      ++checked;
    }
    EXPECT_EQ(created, 1) << id;
    if (summits.count(id) != 1) {
      ADD_FAILURE() << id << " is not stored";
      continue;
    }
    EXPECT_EQ(summits.at(id).sources_size(), 2 + g % 2) << id;
  }

  // Versions of one report: the one committed last is stored, in its
  // meeting's summit; the other meeting's summit, which only it reported, is
  // gone.
  for (int j = 0; j < kUpdatedSources; ++j) {
    const std::string source_id = absl::StrCat("updated-", j);
    std::vector<const Ack*> written;
    for (const Ack* ack : by_key[source_id]) {
      if (ack->outcome != v1::INGEST_OUTCOME_UNCHANGED) written.push_back(ack);
      ++checked;
    }
    const Ack* last = LastCommitted(written);
    if (last == nullptr) {
      ADD_FAILURE() << source_id << " has no acknowledged write";
      continue;
    }
    const std::string last_id = last->summit.name().substr(sizeof("summits/") - 1);
    EXPECT_EQ(stored_in[source_id], last_id) << source_id;
    if (summits.count(last_id) != 1) {
      ADD_FAILURE() << last_id << " is not stored";
      continue;
    }
    EXPECT_EQ(FindSource(summits.at(last_id), source_id)->content_sha256(), last->sha)
        << source_id;
    for (const absl::CivilDay day :
         {Day(kFirstUpdatedDay + 6 * j), Day(kFirstUpdatedDay + 3 + 6 * j)}) {
      if (MeetingSummitId(day) != last_id) {
        EXPECT_EQ(summits.count(MeetingSummitId(day)), 0u) << MeetingSummitId(day);
      }
    }
  }

  // An upsert racing a report of its meeting: a report committed after the
  // upsert is merged into the curated record; one committed before is
  // replaced with the rest of the record by the upsert.
  for (int j = 0; j < kRacedSummits; ++j) {
    const std::string id = MeetingSummitId(Day(kFirstRacedDay + 3 * j));
    const std::string source_id = absl::StrCat("raced-", j);
    if (by_key[id].size() != 1) {
      ADD_FAILURE() << id << " was not acknowledged once";
      continue;
    }
    if (by_key[source_id].size() != 1) {
      ADD_FAILURE() << source_id << " was not acknowledged once";
      continue;
    }
    const Ack& upsert = *by_key[id].front();
    const Ack& report = *by_key[source_id].front();
    checked += 2;
    if (summits.count(id) != 1) {
      ADD_FAILURE() << id << " is not stored";
      continue;
    }
    const v1::Summit& stored = summits.at(id);
    EXPECT_EQ(stored.title(), absl::StrCat("Curated ", j)) << id;
    if (report.summit.update_time() > upsert.summit.update_time()) {
      EXPECT_EQ(report.outcome, v1::INGEST_OUTCOME_MERGED) << source_id;
      EXPECT_TRUE(upsert.created) << id;
      EXPECT_EQ(stored_in[source_id], id) << source_id;
    } else {
      EXPECT_EQ(report.outcome, v1::INGEST_OUTCOME_CREATED) << source_id;
      EXPECT_FALSE(upsert.created) << id;
      EXPECT_EQ(stored_in.count(source_id), 0u) << source_id;
      EXPECT_EQ(stored.update_time(), upsert.summit.update_time()) << id;
    }
  }

  // Curated summits: present means the upsert committed last is stored;
  // absent means some delete was acknowledged. Each acknowledged delete
  // removed a record an upsert created, and each creation after the first
  // followed a delete.
  for (int j = 0; j < kCuratedSummits; ++j) {
    const std::string id = absl::StrCat("curated-", j);
    std::vector<const Ack*> upserts;
    int deletes = 0;
    int created = 0;
    for (const Ack* ack : by_key[id]) {
      ++checked;
      if (ack->kind == Ack::Kind::kDelete) {
        ++deletes;
      } else {
        upserts.push_back(ack);
        if (ack->created) ++created;
      }
    }
    const Ack* last = LastCommitted(upserts);
    if (last == nullptr) {
      ADD_FAILURE() << id << " has no acknowledged write";
      continue;
    }
    if (summits.count(id) != 0) {
      EXPECT_EQ(summits.at(id).title(), last->summit.title()) << id;
      EXPECT_EQ(summits.at(id).update_time(), last->summit.update_time()) << id;
      EXPECT_EQ(created, deletes + 1) << id;
    } else {
      EXPECT_GT(deletes, 0) << id;
      EXPECT_EQ(created, deletes) << id;
    }
  }
  std::cout << "stress: " << acks.size() << " writes sent by " << kClients << " clients, "
            << checked << " acknowledged writes checked against " << summits.size()
            << " stored summits\n";
}

}  // namespace
}  // namespace summit
