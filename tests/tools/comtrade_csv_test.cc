#include "tools/comtrade_csv.h"

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

TEST(ComtradeCsvTest, DollarsBecomeExactCents) {
  int64_t cents = 0;
  ASSERT_TRUE(DollarsToCents("405438166.84", &cents));
  EXPECT_EQ(cents, 40543816684);
  ASSERT_TRUE(DollarsToCents("10.555", &cents));
  EXPECT_EQ(cents, 1056);
  ASSERT_TRUE(DollarsToCents("7", &cents));
  EXPECT_EQ(cents, 700);
  EXPECT_FALSE(DollarsToCents("-1", &cents));
  EXPECT_FALSE(DollarsToCents("1e9", &cents));
  EXPECT_FALSE(DollarsToCents("", &cents));
}

TEST(ComtradeCsvTest, AFieldThatIsNotUtf8RejectsItsRowAndReadingGoesOn) {
  testing::TempDir dir;
  std::ofstream(dir.Sub("t.csv"))
      << "refYear,reporterISO,partnerISO,flowCode,cmdCode,cmdDesc,primaryValue,"
         "qtyUnitAbbr\n"
      << "2020,CHN,CAN,X,27,Fuels,1,kg\n"
      << "2020,CHN,CAN,X,28,Chemicals \xC3\x28,1,kg\n"
      << "2020,CHN,CAN,X,29,Organic,1,\xFF\n"
      << "2020,CHN,CAN,X,30,Pharmaceutical,1,kg\n";
  std::vector<int64_t> lines;
  std::vector<std::string> problems;
  CsvCallbacks callbacks;
  callbacks.row = [&](int64_t line, v1::TradeFlow) { lines.push_back(line); };
  callbacks.problem = [&](const CsvProblem& p) {
    problems.push_back(absl::StrCat(p.line, " ", p.field, ": ", p.reason));
  };
  ASSERT_TRUE(ReadComtradeCsv(dir.Sub("t.csv"), "t.csv", callbacks).ok());
  EXPECT_EQ(lines, (std::vector<int64_t>{2, 5}));
  EXPECT_EQ(problems,
            (std::vector<std::string>{"3 cmdDesc: not valid UTF-8 at byte 10",
                                      "4 qtyUnitAbbr: not valid UTF-8 at byte 0"}));
}

}  // namespace
}  // namespace summit
