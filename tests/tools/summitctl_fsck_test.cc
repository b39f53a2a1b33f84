// summitctl fsck as operators run it: the real binary on a database.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/database.h"
#include "storage/summit_store.h"
#include "tests/testing/process.h"
#include "tests/testing/raw_db.h"
#include "tests/testing/summits.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::HasSubstr;

class SummitctlFsckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::Database::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    bool created = false;
    ASSERT_TRUE(storage::SummitStore(db->get())
                    .PutSummit(testing::MakeSummit("s1", testing::MakeDate(2026, 1, 17),
                                                   {{"xi-jinping", "CHN"}}, {"trade"}),
                               &created)
                    .ok());
  }

  testing::CommandResult Fsck() {
    return testing::RunCommand({SUMMITCTL_BIN, "fsck", "--db=" + dir_.Sub("db")});
  }

  testing::TempDir dir_;
};

TEST_F(SummitctlFsckTest, CleanDatabaseExitsZeroWithASummary) {
  testing::CommandResult result = Fsck();
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("1 summits, 1 participants, 1 sectors"));
  EXPECT_THAT(result.output, HasSubstr("0 problems"));
}

TEST_F(SummitctlFsckTest, CorruptDatabaseExitsOneAndListsTheFault) {
  testing::RawDb(dir_.Sub("db")).Put(storage::ColumnFamily::kSummits, "garbage", "");
  testing::CommandResult result = Fsck();
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("summits[\"garbage\"]: undecodable key"));
  EXPECT_THAT(result.output, HasSubstr("1 problems"));
}

TEST_F(SummitctlFsckTest, MissingDatabaseExitsTwoNamingIt) {
  testing::CommandResult result =
      testing::RunCommand({SUMMITCTL_BIN, "fsck", "--db=" + dir_.Sub("absent")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_THAT(result.output, HasSubstr(dir_.Sub("absent")));
}

}  // namespace
}  // namespace summit
