// ReadSharedFile: a file of ../shared is read when present; its absence
// fails a test under CI instead of skipping it.
#include "tests/testing/shared_files.h"

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "gtest/gtest-spi.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace summit::testing {
namespace {

// Sets the environment variable CI for the life of the object.
class ScopedCi {
 public:
  explicit ScopedCi(const char* value) {
    const char* old = std::getenv("CI");
    if (old != nullptr) old_ = old;
    if (value == nullptr) {
      unsetenv("CI");
    } else {
      setenv("CI", value, 1);
    }
  }
  ~ScopedCi() {
    if (old_.has_value()) {
      setenv("CI", old_->c_str(), 1);
    } else {
      unsetenv("CI");
    }
  }

 private:
  std::optional<std::string> old_;
};

TEST(SharedFilesTest, UnderCiWhenCiIsSetToAnythingButFalse) {
  {
    ScopedCi ci(nullptr);
    EXPECT_FALSE(UnderCi());
  }
  for (const char* no : {"", "0", "false", "FALSE"}) {
    ScopedCi ci(no);
    EXPECT_FALSE(UnderCi()) << "CI=" << no;
  }
  for (const char* yes : {"1", "true", "yes"}) {
    ScopedCi ci(yes);
    EXPECT_TRUE(UnderCi()) << "CI=" << yes;
  }
}

TEST(SharedFilesTest, ReadsAFileThatIsThere) {
  TempDir dir;
  const std::string path = dir.Sub("seed.txt");
  std::ofstream(path) << "a report";
  EXPECT_EQ(ReadSharedFile(path), "a report");
}

// The absent path of the next test, a constant, as EXPECT_FATAL_FAILURE
// takes no local variables.
std::string AbsentPath() { return "/nonexistent/shared/seeds/absent.txt"; }

TEST(SharedFilesTest, AnAbsentFileFailsTheTestUnderCi) {
  ScopedCi ci("true");
  EXPECT_FATAL_FAILURE(
      EXPECT_FALSE(ReadSharedFile(AbsentPath()).has_value()),
      "this test needs /nonexistent/shared/seeds/absent.txt, which is missing");
}

}  // namespace
}  // namespace summit::testing
