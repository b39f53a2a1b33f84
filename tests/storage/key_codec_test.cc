#include "storage/key_codec.h"

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::storage {
namespace {

// A key of every field kind, and its logical ordering.
struct Tuple {
  std::string text;
  int32_t year;
  uint8_t month;
  int64_t big;
  std::string tail;

  std::string Encode() const {
    v1::Date date;
    date.set_year(year);
    date.set_month(month);
    return KeyWriter().String(text).Date(date).Int64(big).String(tail).Release();
  }
  friend bool operator<(const Tuple& a, const Tuple& b) {
    return std::tie(a.text, a.year, a.month, a.big, a.tail) <
           std::tie(b.text, b.year, b.month, b.big, b.tail);
  }
};

std::string RandomString(std::mt19937& rng) {
  // Few distinct bytes so that prefixes, zeros and 0xFF collide often.
  static const char kAlphabet[] = {'\0', '\x01', 'a', 'b', '\xFF', '/', '\xC3', '\xA9'};
  std::string out(std::uniform_int_distribution<int>(0, 4)(rng), ' ');
  for (char& c : out) c = kAlphabet[std::uniform_int_distribution<int>(0, 7)(rng)];
  return out;
}

TEST(KeyCodecTest, ByteOrderEqualsLogicalOrderAndRoundTrips) {
  std::mt19937 rng(20260117);
  std::vector<Tuple> tuples;
  for (int i = 0; i < 5000; ++i) {
    tuples.push_back(
        {RandomString(rng), std::uniform_int_distribution<int32_t>(-3000, 3000)(rng),
         static_cast<uint8_t>(std::uniform_int_distribution<int>(0, 12)(rng)),
         std::uniform_int_distribution<int64_t>(INT64_MIN, INT64_MAX)(rng),
         RandomString(rng)});
  }
  tuples.push_back({"", INT32_MIN, 0, INT64_MIN, ""});
  tuples.push_back({"", INT32_MAX, 12, INT64_MAX, ""});
  for (size_t i = 0; i + 1 < tuples.size(); ++i) {
    const Tuple& a = tuples[i];
    const Tuple& b = tuples[i + 1];
    EXPECT_EQ(a < b, a.Encode() < b.Encode()) << i;
    EXPECT_EQ(b < a, b.Encode() < a.Encode()) << i;
  }
  for (const Tuple& tuple : tuples) {
    const std::string key = tuple.Encode();
    KeyReader reader(key);
    EXPECT_EQ(*reader.String(), tuple.text);
    v1::Date date = *reader.Date();
    EXPECT_EQ(date.year(), tuple.year);
    EXPECT_EQ(date.month(), tuple.month);
    EXPECT_EQ(*reader.Int64(), tuple.big);
    EXPECT_EQ(*reader.String(), tuple.tail);
    EXPECT_TRUE(reader.ExpectEnd().ok());
  }
}

TEST(KeyCodecTest, SortedKeysSortTuples) {
  std::mt19937 rng(7);
  std::vector<Tuple> tuples;
  for (int i = 0; i < 2000; ++i) {
    tuples.push_back(
        {RandomString(rng), std::uniform_int_distribution<int32_t>(-5, 5)(rng), 0,
         std::uniform_int_distribution<int64_t>(-3, 3)(rng), RandomString(rng)});
  }
  std::vector<std::pair<std::string, size_t>> keys;
  for (size_t i = 0; i < tuples.size(); ++i) keys.push_back({tuples[i].Encode(), i});
  std::sort(keys.begin(), keys.end());
  for (size_t i = 0; i + 1 < keys.size(); ++i) {
    EXPECT_FALSE(tuples[keys[i + 1].second] < tuples[keys[i].second]);
  }
}

TEST(KeyCodecTest, UnsignedAndSignedIntegersRoundTripAtTheEdges) {
  for (uint32_t value : {0u, 1u, 0x80000000u, 0xFFFFFFFFu}) {
    EXPECT_EQ(*KeyReader(KeyWriter().Uint32(value).key()).Uint32(), value);
  }
  for (uint64_t value : {uint64_t{0}, ~uint64_t{0}}) {
    EXPECT_EQ(*KeyReader(KeyWriter().Uint64(value).key()).Uint64(), value);
  }
  for (int32_t value : {INT32_MIN, -1, 0, 1, INT32_MAX}) {
    EXPECT_EQ(*KeyReader(KeyWriter().Int32(value).key()).Int32(), value);
  }
  EXPECT_LT(KeyWriter().Int32(-1).key(), KeyWriter().Int32(0).key());
  EXPECT_LT(KeyWriter().Int64(-1).key(), KeyWriter().Int64(0).key());
}

TEST(KeyCodecTest, NonAsciiAndSeparatorsInsideStringsRoundTrip) {
  for (const std::string& text :
       {std::string("Erdoğan"), std::string("a\0b", 3), std::string("\0\x01", 2),
        std::string("\xFF\xFF"), std::string()}) {
    const std::string key = KeyWriter().String(text).String("next").Release();
    KeyReader reader(key);
    EXPECT_EQ(*reader.String(), text);
    EXPECT_EQ(*reader.String(), "next");
  }
}

TEST(KeyCodecTest, StringPrefixMatchesLongerStringsOnly) {
  const std::string prefix = KeyWriter().StringPrefix("27").Release();
  EXPECT_EQ(KeyWriter().String("27").key().rfind(prefix, 0), 0u);
  EXPECT_EQ(KeyWriter().String("2701").key().rfind(prefix, 0), 0u);
  EXPECT_NE(KeyWriter().String("2").key().rfind(prefix, 0), 0u);
  EXPECT_NE(KeyWriter().String("28").key().rfind(prefix, 0), 0u);
}

TEST(KeyCodecTest, MalformedKeysAreRejected) {
  EXPECT_EQ(KeyReader("ab").String().status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(KeyReader(std::string("a\0", 2)).String().status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(KeyReader(std::string("a\0\x07", 3)).String().status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(KeyReader("abc").Uint32().status().code(), absl::StatusCode::kDataLoss);
  const std::string date_key = KeyWriter().Int32(2026).Uint8(13).Uint8(1).Release();
  KeyReader bad_date(date_key);
  EXPECT_EQ(bad_date.Date().status().code(), absl::StatusCode::kDataLoss);
  const std::string two_bytes = KeyWriter().Uint8(1).Uint8(2).Release();
  KeyReader trailing(two_bytes);
  ASSERT_TRUE(trailing.Uint8().ok());
  EXPECT_EQ(trailing.ExpectEnd().code(), absl::StatusCode::kDataLoss);
}

TEST(KeyCodecTest, PrefixSuccessorBoundsEveryExtension) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xFF")), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xFF\xFF")), "");
  EXPECT_LT(std::string("ab\xFF\xFF"), PrefixSuccessor("ab"));
}

}  // namespace
}  // namespace summit::storage
