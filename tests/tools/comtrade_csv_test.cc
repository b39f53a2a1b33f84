#include "tools/comtrade_csv.h"

#include "gtest/gtest.h"

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

}  // namespace
}  // namespace summit
