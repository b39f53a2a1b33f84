// A per-test temporary directory, removed with everything in it on
// destruction.
#ifndef SUMMIT_TESTS_TESTING_TEMP_DIR_H_
#define SUMMIT_TESTS_TESTING_TEMP_DIR_H_

#include <string>

namespace summit::testing {

class TempDir final {
 public:
  // Creates a fresh directory under $TMPDIR (or /tmp). Aborts the test
  // program when that fails, since no test can run without it.
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_TESTING_TEMP_DIR_H_
