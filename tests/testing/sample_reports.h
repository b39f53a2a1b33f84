// The sample reports of samples/reports/ as the services receive them, for
// tests built with summit_test() (which defines SUMMIT_SOURCE_DIR).
#ifndef SUMMIT_TESTS_TESTING_SAMPLE_REPORTS_H_
#define SUMMIT_TESTS_TESTING_SAMPLE_REPORTS_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "summit/v1/resources.pb.h"
#include "tests/testing/process.h"

namespace summit::testing {

// samples/reports/`stem`.txt with the metadata of its sidecar .json.
inline v1::Article LoadSample(const std::string& stem) {
  v1::Article article;
  const std::string base = absl::StrCat(SUMMIT_SOURCE_DIR, "/samples/reports/", stem);
  EXPECT_TRUE(
      google::protobuf::util::JsonStringToMessage(ReadFile(base + ".json"), &article)
          .ok())
      << base << ".json";
  article.set_text(ReadFile(base + ".txt"));
  return article;
}

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_TESTING_SAMPLE_REPORTS_H_
