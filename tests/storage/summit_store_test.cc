#include "storage/summit_store.h"

#include <atomic>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "storage/fsck.h"
#include "storage/summit_facts.h"
#include "tests/testing/summits.h"
#include "tests/testing/temp_dir.h"

namespace summit::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Key;
using testing::MakeDate;
using testing::MakeSummit;
using testing::PersonSpec;

const PersonSpec kXi{"xi-jinping", "CHN"};
const PersonSpec kCarney{"mark-carney", "CAN", "Prime Minister"};
const PersonSpec kAlbanese{"anthony-albanese", "AUS", "Prime Minister"};

class SummitStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    store_.emplace(db_.get());
  }

  void Put(const v1::Summit& summit) {
    bool created = false;
    absl::StatusOr<v1::Summit> stored = store_->PutSummit(summit, &created);
    ASSERT_TRUE(stored.ok()) << stored.status();
  }

  std::vector<std::string> Ids(SummitScan scan, int limit = 100) {
    absl::StatusOr<IdPage> page = store_->ScanSummitIds({scan}, limit, "");
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->ids : std::vector<std::string>{};
  }

  void ExpectFsckClean() {
    absl::StatusOr<FsckReport> report = Fsck(*db_);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(report->ok()) << ::testing::PrintToString(report->problems);
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
  std::optional<SummitStore> store_;
};

TEST_F(SummitStoreTest, PutThenGetReturnsTheRecordWithTimes) {
  bool created = false;
  absl::StatusOr<v1::Summit> stored = store_->PutSummit(
      MakeSummit("2026-01-17-beijing-can-chn", MakeDate(2026, 1, 17), {kCarney, kXi},
                 {"trade", "energy"}, {"energy", "customs"}, {"seed-000"}),
      &created);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_TRUE(created);
  EXPECT_GT(stored->create_time().seconds(), 0);
  EXPECT_EQ(stored->create_time().SerializeAsString(),
            stored->update_time().SerializeAsString());

  absl::StatusOr<v1::Summit> got = store_->GetSummit("2026-01-17-beijing-can-chn");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->title(), "Meeting 2026-01-17-beijing-can-chn");
  ASSERT_EQ(got->participants_size(), 2);
  EXPECT_EQ(got->participants(1).participant(), "participants/xi-jinping");
  EXPECT_EQ(got->agreement_count(), 1);
  EXPECT_EQ(got->amount_count(), 0);
  // The BASIC view is stored with the record, as BasicSummit makes it.
  absl::StatusOr<std::string> basic =
      store_->GetBasicSummitEncoded("2026-01-17-beijing-can-chn");
  ASSERT_TRUE(basic.ok()) << basic.status();
  EXPECT_EQ(*basic, BasicSummit(*got).SerializeAsString());

  absl::StatusOr<std::optional<ArticleRecord>> article = store_->GetArticle("seed-000");
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((*article)->summit_id, "2026-01-17-beijing-can-chn");
  EXPECT_EQ((*article)->content_sha256, "sha-of-seed-000");
  ExpectFsckClean();
}

TEST_F(SummitStoreTest, MissingSummitIsNotFoundByName) {
  absl::StatusOr<v1::Summit> got = store_->GetSummit("nope");
  EXPECT_EQ(got.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(got.status().message(), HasSubstr("summits/nope"));
  EXPECT_EQ(store_->DeleteSummit("nope").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetParticipant("nobody").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(SummitStoreTest, ParticipantAndSectorAggregatesFollowTheSummits) {
  Put(MakeSummit("a", MakeDate(2025, 10, 31), {kXi, kCarney}, {"trade"},
                 {"trade", "energy"}));
  Put(MakeSummit("b", MakeDate(2026, 1, 17), {kXi, kCarney}, {"energy"}));
  Put(MakeSummit("c", MakeDate(2024, 5, 0), {kXi, kAlbanese}, {"trade"}));

  absl::StatusOr<v1::Participant> xi = store_->GetParticipant("xi-jinping");
  ASSERT_TRUE(xi.ok()) << xi.status();
  EXPECT_EQ(xi->summit_count(), 3);
  EXPECT_EQ(xi->country_code(), "CHN");
  EXPECT_EQ(xi->first_seen().year(), 2024);
  EXPECT_EQ(xi->first_seen().month(), 5);
  EXPECT_EQ(xi->last_seen().year(), 2026);
  EXPECT_EQ(xi->last_seen().day(), 17);
  EXPECT_THAT(xi->titles(), ElementsAre("President"));
  EXPECT_THAT(xi->aliases(), ElementsAre("President xi-jinping"));

  absl::StatusOr<v1::Sector> trade = store_->GetSectorCounts("trade");
  ASSERT_TRUE(trade.ok());
  EXPECT_EQ(trade->summit_count(), 2);
  EXPECT_EQ(trade->agreement_count(), 1);
  absl::StatusOr<v1::Sector> energy = store_->GetSectorCounts("energy");
  ASSERT_TRUE(energy.ok());
  EXPECT_EQ(energy->summit_count(), 2);  // "a" through its agreement, "b" directly.
  EXPECT_EQ(energy->agreement_count(), 1);

  absl::StatusOr<IdPage> chinese = store_->ScanParticipantIds("CHN", 10, "");
  ASSERT_TRUE(chinese.ok());
  EXPECT_THAT(chinese->ids, ElementsAre("xi-jinping"));
  ExpectFsckClean();
}

TEST_F(SummitStoreTest, ReplacingRemovesTheOldVersionsIndexEntries) {
  Put(MakeSummit("s", MakeDate(2026, 1, 17), {kXi, kCarney}, {"energy"}, {}, {"r1"}));
  Put(MakeSummit("s", MakeDate(2025, 3, 2), {kXi, kAlbanese}, {"health"}, {}, {"r2"}));

  EXPECT_THAT(Ids({SummitScan::Index::kBySector, "energy"}), IsEmpty());
  EXPECT_THAT(Ids({SummitScan::Index::kBySector, "health"}), ElementsAre("s"));
  EXPECT_THAT(Ids({SummitScan::Index::kByCountry, "CAN"}), IsEmpty());
  EXPECT_THAT(Ids({SummitScan::Index::kByCountry, "AUS"}), ElementsAre("s"));
  EXPECT_EQ(store_->GetParticipant("mark-carney").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetSectorCounts("energy").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_FALSE(store_->GetArticle("r1")->has_value());
  EXPECT_TRUE(store_->GetArticle("r2")->has_value());
  absl::StatusOr<IdPage> canadians = store_->ScanParticipantIds("CAN", 10, "");
  ASSERT_TRUE(canadians.ok());
  EXPECT_THAT(canadians->ids, IsEmpty());
  EXPECT_TRUE(store_->ScanPairEvents("CAN", "CHN")->empty());
  EXPECT_EQ(store_->ScanPairEvents("CHN", "AUS")->size(), 2u);
  ExpectFsckClean();
}

TEST_F(SummitStoreTest, DeleteRemovesRecordIndexesAndAggregates) {
  Put(MakeSummit("s", MakeDate(2026, 1, 17), {kXi, kCarney}, {"energy"}, {"trade"},
                 {"r1"}));
  ASSERT_TRUE(store_->DeleteSummit("s").ok());
  EXPECT_EQ(store_->GetSummit("s").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetBasicSummitEncoded("s").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_THAT(Ids({}), IsEmpty());
  EXPECT_THAT(Ids({SummitScan::Index::kByParticipant, "xi-jinping"}), IsEmpty());
  EXPECT_TRUE(store_->ListSectorCounts()->empty());
  EXPECT_FALSE(store_->GetArticle("r1")->has_value());
  absl::StatusOr<FsckReport> report = Fsck(*db_);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(
      report->summits + report->index_entries + report->participants + report->sectors,
      0);
}

TEST_F(SummitStoreTest, ScansAreOrderedByDateThenIdAndBoundedByDates) {
  Put(MakeSummit("late", MakeDate(2026, 1, 17), {kXi, kCarney}, {"trade"}));
  Put(MakeSummit("b-early", MakeDate(2025, 10, 31), {kXi, kCarney}, {"trade"}));
  Put(MakeSummit("a-early", MakeDate(2025, 10, 31), {kXi}, {"trade"}));
  Put(MakeSummit("month-only", MakeDate(2025, 10, 0), {kXi}, {"trade"}));
  Put(MakeSummit("old", MakeDate(2019, 4, 2), {kXi}, {"trade"}));

  EXPECT_THAT(Ids({SummitScan::Index::kBySector, "trade"}),
              ElementsAre("old", "month-only", "a-early", "b-early", "late"));
  EXPECT_THAT(
      Ids({SummitScan::Index::kByDate, "", MakeDate(2025, 0, 0), MakeDate(2025, 0, 0)}),
      ElementsAre("month-only", "a-early", "b-early"));
  EXPECT_THAT(
      Ids({SummitScan::Index::kByParticipant, "xi-jinping", MakeDate(2025, 10, 31), {}}),
      ElementsAre("a-early", "b-early", "late"));
  EXPECT_THAT(Ids({SummitScan::Index::kByCountry, "CAN", {}, MakeDate(2025, 10, 31)}),
              ElementsAre("b-early"));
  EXPECT_THAT(Ids({SummitScan::Index::kByDate, "", {}, MakeDate(2025, 9, 0)}),
              ElementsAre("old"));
}

TEST_F(SummitStoreTest, PagesResumeWhereTheyStoppedAndEndWithAnEmptyCursor) {
  for (int day = 1; day <= 5; ++day) {
    Put(MakeSummit("d" + std::to_string(day), MakeDate(2026, 2, day), {kXi}, {"trade"}));
  }
  SummitScan scan{SummitScan::Index::kBySector, "trade"};
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    absl::StatusOr<IdPage> page = store_->ScanSummitIds({scan}, 2, cursor);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->ids.size(), 2u);
    seen.insert(seen.end(), page->ids.begin(), page->ids.end());
    cursor = page->resume_after;
    ++pages;
  } while (!cursor.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(seen, ElementsAre("d1", "d2", "d3", "d4", "d5"));

  // A full last page still ends with an empty cursor.
  absl::StatusOr<IdPage> all = store_->ScanSummitIds({scan}, 5, "");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->ids.size(), 5u);
  EXPECT_TRUE(all->resume_after.empty());

  // A cursor outside the scan's dates, or not a cursor at all, is refused.
  absl::StatusOr<IdPage> first = store_->ScanSummitIds({scan}, 2, "");
  ASSERT_TRUE(first.ok());
  SummitScan later = scan;
  later.start = MakeDate(2026, 3, 0);
  EXPECT_EQ(store_->ScanSummitIds({later}, 2, first->resume_after).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->ScanSummitIds({scan}, 2, "garbage").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(SummitStoreTest, SeveralScansIntersectInDateOrderAndPage) {
  // Xi in every summit; Carney in the even days; "energy" in days 1..6.
  for (int day = 1; day <= 9; ++day) {
    std::vector<PersonSpec> people = {kXi};
    if (day % 2 == 0) people.push_back(kCarney);
    std::vector<std::string> sectors = {"trade"};
    if (day <= 6) sectors.push_back("energy");
    Put(MakeSummit("d" + std::to_string(day), MakeDate(2026, 3, day), people, sectors));
  }
  const SummitScan carney{SummitScan::Index::kByParticipant, "mark-carney"};
  const SummitScan energy{SummitScan::Index::kBySector, "energy"};
  const SummitScan china{SummitScan::Index::kByCountry, "CHN"};
  absl::StatusOr<IdPage> all = store_->ScanSummitIds({carney, energy, china}, 10, "");
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(all->ids, ElementsAre("d2", "d4", "d6"));
  EXPECT_TRUE(all->resume_after.empty());

  // Pages of one: a cursor after each match, none after the last.
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    absl::StatusOr<IdPage> page = store_->ScanSummitIds({energy, carney}, 1, cursor);
    ASSERT_TRUE(page.ok()) << page.status();
    seen.insert(seen.end(), page->ids.begin(), page->ids.end());
    cursor = page->resume_after;
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(seen, ElementsAre("d2", "d4", "d6"));

  // Date bounds apply to every scan.
  SummitScan carney_late = carney;
  carney_late.start = MakeDate(2026, 3, 5);
  SummitScan energy_late = energy;
  energy_late.start = carney_late.start;
  EXPECT_THAT(store_->ScanSummitIds({carney_late, energy_late}, 10, "")->ids,
              ElementsAre("d6"));
  EXPECT_THAT(
      store_->ScanSummitIds({carney, {SummitScan::Index::kBySector, "health"}}, 10, "")
          ->ids,
      IsEmpty());
}

TEST_F(SummitStoreTest, ASourceBelongsToOneSummitUnlessMovedInOneCommit) {
  Put(MakeSummit("one", MakeDate(2026, 1, 17), {kXi, kCarney}, {"trade"}, {}, {"r1"}));
  bool created = false;
  absl::StatusOr<v1::Summit> clash = store_->PutSummit(
      MakeSummit("two", MakeDate(2026, 1, 18), {kXi, kCarney}, {"trade"}, {}, {"r1"}),
      &created);
  EXPECT_EQ(clash.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(clash.status().message(), HasSubstr("summits/one"));
  EXPECT_EQ(store_->GetSummit("two").status().code(), absl::StatusCode::kNotFound);

  SummitChange change;
  change.puts = {
      MakeSummit("two", MakeDate(2026, 1, 18), {kXi, kCarney}, {"trade"}, {}, {"r1"})};
  change.deletes = {"one"};
  absl::StatusOr<CommitResult> committed = store_->Commit(std::move(change));
  ASSERT_TRUE(committed.ok()) << committed.status();
  EXPECT_THAT(committed->written, ElementsAre(Key("two")));
  EXPECT_TRUE(committed->written.at("two").created);
  EXPECT_EQ((*store_->GetArticle("r1"))->summit_id, "two");
  ExpectFsckClean();
}

TEST_F(SummitStoreTest, MalformedNamesAreRefusedNamingTheField) {
  v1::Summit summit = MakeSummit("ok", MakeDate(2026, 1, 17), {kXi}, {"trade"});
  summit.mutable_participants(0)->set_participant("people/xi");
  bool created = false;
  absl::StatusOr<v1::Summit> stored = store_->PutSummit(summit, &created);
  EXPECT_EQ(stored.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(stored.status().message(), HasSubstr("summit.participants[0].participant"));

  summit = MakeSummit("Bad Id", MakeDate(2026, 1, 17), {kXi}, {"trade"});
  stored = store_->PutSummit(summit, &created);
  EXPECT_EQ(stored.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(stored.status().message(), HasSubstr("summit.name"));

  summit = MakeSummit("ok", MakeDate(2026, 13, 1), {kXi}, {"trade"});
  stored = store_->PutSummit(summit, &created);
  EXPECT_EQ(stored.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(stored.status().message(), HasSubstr("summit.date"));
  ExpectFsckClean();
}

// A model of what the store should hold, for randomized sequences.
TEST_F(SummitStoreTest, RandomizedPutsReplacesAndDeletesKeepFsckClean) {
  std::mt19937 rng(42);
  const std::vector<PersonSpec> people = {
      kXi, kCarney, kAlbanese, {"emmanuel-macron", "FRA"}, {"lula-da-silva", "BRA"}};
  const std::vector<std::string> sectors = {"trade", "energy", "health", "culture",
                                            "finance"};
  std::map<std::string, v1::Summit> model;
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };

  for (int op = 0; op < 3000; ++op) {
    const std::string id = "s" + std::to_string(pick(60));
    if (pick(4) == 0) {
      absl::Status status = store_->DeleteSummit(id);
      EXPECT_EQ(status.ok(), model.erase(id) == 1) << status;
      continue;
    }
    std::vector<PersonSpec> who;
    for (const PersonSpec& person : people) {
      if (pick(2) == 0) who.push_back(person);
    }
    std::vector<std::string> touched;
    std::vector<std::string> agreed;
    for (const std::string& sector : sectors) {
      if (pick(3) == 0) touched.push_back(sector);
      if (pick(4) == 0) agreed.push_back(sector);
    }
    v1::Summit summit =
        MakeSummit(id, MakeDate(2000 + pick(26), pick(13), 0), who, touched, agreed,
                   {"src-" + id + "-" + std::to_string(pick(2))});
    bool created = false;
    absl::StatusOr<v1::Summit> stored = store_->PutSummit(summit, &created);
    ASSERT_TRUE(stored.ok()) << stored.status();
    EXPECT_EQ(created, model.count(id) == 0);
    model[id] = summit;
  }

  std::map<std::string, int> participant_counts;
  for (const auto& [id, summit] : model) {
    std::set<std::string> distinct;
    for (const auto& participant : summit.participants())
      distinct.insert(participant.participant());
    for (const std::string& name : distinct) ++participant_counts[name.substr(13)];
  }
  for (const PersonSpec& person : people) {
    absl::StatusOr<v1::Participant> got = store_->GetParticipant(person.id);
    if (participant_counts[person.id] == 0) {
      EXPECT_EQ(got.status().code(), absl::StatusCode::kNotFound);
    } else {
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(got->summit_count(), participant_counts[person.id]) << person.id;
    }
  }
  EXPECT_EQ(Ids({}, 1000).size(), model.size());
  ExpectFsckClean();
}

TEST_F(SummitStoreTest, ConcurrentWritersKeepIndexesConsistent) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) {
        const std::string id = "s" + std::to_string((i * 7 + t) % 20);
        v1::Summit summit = MakeSummit(id, MakeDate(2020 + t, 1 + i % 12, 0),
                                       {kXi, t % 2 ? kCarney : kAlbanese}, {"trade"});
        bool created = false;
        absl::StatusOr<v1::Summit> stored = store_->PutSummit(summit, &created);
        // What the commit wrote, even when another thread deletes it at once.
        ASSERT_TRUE(stored.ok()) << stored.status();
        EXPECT_EQ(stored->date().year(), 2020 + t);
        if (i % 10 == 9) store_->DeleteSummit(id).IgnoreError();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  ExpectFsckClean();
}

TEST_F(SummitStoreTest, ConcurrentPutsOfOneNameCreateItOnce) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 50;
  std::atomic<int> created_count{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        bool created = false;
        absl::StatusOr<v1::Summit> stored =
            store_->PutSummit(MakeSummit("r" + std::to_string(round),
                                         MakeDate(2026, 1, 1 + t), {kXi}, {"trade"}),
                              &created);
        ASSERT_TRUE(stored.ok()) << stored.status();
        if (created) ++created_count;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(created_count.load(), kRounds);
  ExpectFsckClean();
}

TEST_F(SummitStoreTest, UpdateDecidesAndCommitsInOneCriticalSection) {
  Put(MakeSummit("counter", MakeDate(2026, 1, 1), {kXi}, {"trade"}));
  // Each writer appends one statement to what it reads; a write decided
  // from a stale read would drop another's statement.
  constexpr int kThreads = 4;
  constexpr int kWrites = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        absl::StatusOr<CommitResult> result =
            store_->Update([&]() -> absl::StatusOr<SummitChange> {
              absl::StatusOr<v1::Summit> summit = store_->GetSummit("counter");
              if (!summit.ok()) return summit.status();
              summit->add_statements()->set_text(absl::StrCat(t, "-", i));
              SummitChange change;
              change.puts.push_back(*std::move(summit));
              return change;
            });
        ASSERT_TRUE(result.ok()) << result.status();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  absl::StatusOr<v1::Summit> summit = store_->GetSummit("counter");
  ASSERT_TRUE(summit.ok()) << summit.status();
  EXPECT_EQ(summit->statements_size(), kThreads * kWrites);
}

TEST_F(SummitStoreTest, UpdateTimeIncreasesWithEveryCommit) {
  google::protobuf::Timestamp last;
  for (int i = 0; i < 50; ++i) {
    bool created = false;
    absl::StatusOr<v1::Summit> stored = store_->PutSummit(
        MakeSummit("s" + std::to_string(i % 3), MakeDate(2026, 1, 1), {kXi}, {"trade"}),
        &created);
    ASSERT_TRUE(stored.ok()) << stored.status();
    EXPECT_GT(stored->update_time(), last) << "commit " << i;
    last = stored->update_time();
  }
}

TEST_F(SummitStoreTest, AFailedDecisionWritesNothing) {
  absl::StatusOr<CommitResult> result =
      store_->Update([]() -> absl::StatusOr<SummitChange> {
        return absl::AbortedError("changed my mind");
      });
  EXPECT_EQ(result.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(store_->GetSummit("s").status().code(), absl::StatusCode::kNotFound);
  ExpectFsckClean();
}

}  // namespace
}  // namespace summit::storage
