#include "common/clock.h"

#include "gtest/gtest.h"

namespace summit::common {
namespace {

TEST(ClockTest, TimestampsCarryTheClocksNanoseconds) {
  // gettimeofday-based clocks give whole microseconds (nanos % 1000 == 0)
  // every time; CLOCK_REALTIME's nanoseconds make that a 1-in-1000 event.
  int sub_microsecond = 0;
  google::protobuf::Timestamp last;
  for (int i = 0; i < 20; ++i) {
    const google::protobuf::Timestamp now = TimestampNow();
    EXPECT_GE(now.nanos(), 0);
    EXPECT_LT(now.nanos(), 1000000000);
    EXPECT_GT(now.seconds(), 1700000000);  // After 2023.
    EXPECT_TRUE(now.seconds() > last.seconds() ||
                (now.seconds() == last.seconds() && now.nanos() >= last.nanos()));
    if (now.nanos() % 1000 != 0) ++sub_microsecond;
    last = now;
  }
  EXPECT_GT(sub_microsecond, 10);
}

}  // namespace
}  // namespace summit::common
