// Files of ../shared (beside the checkout, not part of the repository) that
// some tests read, such as the seed report. On a developer's machine a test
// whose file is absent is skipped; under CI it fails and names the file, so
// that CI never reports a test it did not run as passed.
#ifndef SUMMIT_TESTS_TESTING_SHARED_FILES_H_
#define SUMMIT_TESTS_TESTING_SHARED_FILES_H_

#include <optional>
#include <string>

namespace summit::testing {

// Whether the tests run under CI: the environment variable CI is set to
// anything but "", "0" or "false".
bool UnderCi();

// The contents of the file at `path` (a path under ../shared), or nullopt
// when it cannot be read. Then the current test has been marked skipped, or,
// under CI, has failed with a message naming the file; the caller returns at
// once:
//
//   std::optional<std::string> seed = testing::ReadSharedFile(kSeedPath);
//   if (!seed.has_value()) return;
//
// In a fixture's SetUp the test body is then not run either.
std::optional<std::string> ReadSharedFile(const std::string& path);

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_TESTING_SHARED_FILES_H_
