// The one key codec of the database: order-preserving encodings, so that the
// byte order RocksDB sorts by equals the logical order of the encoded tuple.
//
//   unsigned integers  big-endian, fixed width
//   signed integers    big-endian with the sign bit flipped
//   strings            bytes with 0x00 escaped as 0x00 0xFF, ended by 0x00 0x01;
//                      the end marker sorts before any byte, so "a" < "a\0" < "ab"
//   dates              year (signed 32), month (8), day (8); unknown parts are
//                      0 and sort first
//
// A key is a concatenation of such fields. Prefix scans use a key built from
// the leading fields; a string prefix without its end marker (see
// KeyWriter::StringPrefix) matches every string that starts with it.
#ifndef SUMMIT_STORAGE_KEY_CODEC_H_
#define SUMMIT_STORAGE_KEY_CODEC_H_

#include <cstdint>
#include <string>

#include "absl/base/internal/endian.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "summit/v1/resources.pb.h"

namespace summit::storage {

// Builds a key field by field. Not thread-safe; cheap to create.
class KeyWriter final {
 public:
  KeyWriter& Uint8(uint8_t value);
  KeyWriter& Uint32(uint32_t value);
  KeyWriter& Uint64(uint64_t value);
  KeyWriter& Int32(int32_t value);
  KeyWriter& Int64(int64_t value);
  KeyWriter& String(absl::string_view value);
  // Escapes `value` without the end marker: the key then prefixes every key
  // whose string field starts with `value`. Must be the last field.
  KeyWriter& StringPrefix(absl::string_view value);
  KeyWriter& Date(const v1::Date& date);

  const std::string& key() const { return key_; }
  std::string Release() { return std::move(key_); }

 private:
  std::string key_;
};

// Reads a key written by KeyWriter, field by field, in the same order.
// Every read fails with DATA_LOSS when the bytes do not hold the field; the
// reader must not be used after a failure.
class KeyReader final {
 public:
  explicit KeyReader(absl::string_view key) : rest_(key) {}

  absl::StatusOr<uint8_t> Uint8();
  absl::StatusOr<uint32_t> Uint32();
  absl::StatusOr<uint64_t> Uint64();
  absl::StatusOr<int32_t> Int32();
  absl::StatusOr<int64_t> Int64();
  absl::StatusOr<std::string> String();
  absl::StatusOr<v1::Date> Date();

  // OK when every byte was read; DATA_LOSS when bytes are left over.
  absl::Status ExpectEnd() const;
  bool done() const { return rest_.empty(); }

 private:
  absl::StatusOr<uint64_t> BigEndian(int width);
  absl::string_view rest_;
};

// Unchecked reads of fixed-width fields at `data` (big-endian; signed with
// the sign bit flipped), for hot loops over values whose length the caller
// has checked: a ranking decodes millions of fields, and KeyReader's
// per-field checks cost more than the reads.
inline uint8_t LoadUint8(const char* data) { return static_cast<uint8_t>(data[0]); }
inline uint32_t LoadUint32(const char* data) { return absl::big_endian::Load32(data); }
inline int32_t LoadInt32(const char* data) {
  return static_cast<int32_t>(absl::big_endian::Load32(data) ^ 0x80000000u);
}
inline int64_t LoadInt64(const char* data) {
  return static_cast<int64_t>(absl::big_endian::Load64(data) ^ 0x8000000000000000ull);
}

// The smallest key greater than every key that starts with `prefix`; empty
// when there is none (a prefix of only 0xFF bytes). An iterate_upper_bound
// for prefix scans.
std::string PrefixSuccessor(absl::string_view prefix);

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_KEY_CODEC_H_
