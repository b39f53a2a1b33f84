#include "tests/testing/shared_files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"

namespace summit::testing {
namespace {

// A void function, as GTEST_SKIP and GTEST_FAIL return from the function
// they are used in.
void SkipOrFail(const std::string& path) {
  if (UnderCi()) {
    GTEST_FAIL() << "this test needs " << path
                 << ", which is missing; CI (the environment variable CI is set) must "
                    "provide ../shared beside the checkout. Outside CI the test is "
                    "skipped when the file is absent.";
  }
  GTEST_SKIP() << path << " is absent (../shared is not part of the repository); "
               << "under CI this is a failure";
}

}  // namespace

bool UnderCi() {
  const char* ci = std::getenv("CI");
  if (ci == nullptr) return false;
  const std::string value = absl::AsciiStrToLower(ci);
  return !value.empty() && value != "0" && value != "false";
}

std::optional<std::string> ReadSharedFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    SkipOrFail(path);
    return std::nullopt;
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace summit::testing
