#include "common/status_macros.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace summit::common {
namespace {

absl::Status FailIf(bool fail, int* calls) {
  ++*calls;
  return fail ? absl::NotFoundError("no such thing") : absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<int>> MakeInt(bool fail, int value, int* calls) {
  ++*calls;
  if (fail) return absl::InvalidArgumentError("bad value");
  return std::make_unique<int>(value);
}

absl::Status TwoSteps(bool fail_first, bool fail_second, int* calls, int* reached) {
  RETURN_IF_ERROR(FailIf(fail_first, calls));
  ++*reached;
  RETURN_IF_ERROR(FailIf(fail_second, calls));
  ++*reached;
  return absl::OkStatus();
}

absl::StatusOr<int> Sum(bool fail_first, bool fail_second, int* calls) {
  ASSIGN_OR_RETURN(std::unique_ptr<int> first, MakeInt(fail_first, 2, calls));
  ASSIGN_OR_RETURN(auto second, MakeInt(fail_second, 3, calls));
  int total = 0;
  ASSIGN_OR_RETURN(total, absl::StatusOr<int>(*first + *second));
  return total;
}

TEST(StatusMacrosTest, ReturnIfErrorStopsAtTheFirstError) {
  int calls = 0;
  int reached = 0;
  EXPECT_TRUE(TwoSteps(false, false, &calls, &reached).ok());
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(reached, 2);

  calls = reached = 0;
  absl::Status status = TwoSteps(true, false, &calls, &reached);
  EXPECT_EQ(status, absl::NotFoundError("no such thing"));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(reached, 0);

  calls = reached = 0;
  EXPECT_EQ(TwoSteps(false, true, &calls, &reached).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(reached, 1);
}

TEST(StatusMacrosTest, AssignOrReturnDeclaresAssignsAndPropagates) {
  int calls = 0;
  absl::StatusOr<int> sum = Sum(false, false, &calls);
  ASSERT_TRUE(sum.ok()) << sum.status();
  EXPECT_EQ(*sum, 5);
  EXPECT_EQ(calls, 2);  // each argument evaluated once

  calls = 0;
  sum = Sum(true, false, &calls);
  EXPECT_EQ(sum.status(), absl::InvalidArgumentError("bad value"));
  EXPECT_EQ(calls, 1);

  calls = 0;
  sum = Sum(false, true, &calls);
  EXPECT_EQ(sum.status(), absl::InvalidArgumentError("bad value"));
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace summit::common
