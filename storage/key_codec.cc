#include "storage/key_codec.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace summit::storage {
namespace {

constexpr char kEscape = '\x00';
constexpr char kEscapedZero = '\xFF';
constexpr char kEnd = '\x01';

void AppendBigEndian(std::string& out, uint64_t value, int width) {
  for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

absl::Status Malformed(absl::string_view what) {
  return absl::DataLossError(absl::StrCat("malformed key: ", what));
}

}  // namespace

KeyWriter& KeyWriter::Uint8(uint8_t value) {
  AppendBigEndian(key_, value, 1);
  return *this;
}

KeyWriter& KeyWriter::Uint32(uint32_t value) {
  AppendBigEndian(key_, value, 4);
  return *this;
}

KeyWriter& KeyWriter::Uint64(uint64_t value) {
  AppendBigEndian(key_, value, 8);
  return *this;
}

KeyWriter& KeyWriter::Int32(int32_t value) {
  return Uint32(static_cast<uint32_t>(value) ^ 0x80000000u);
}

KeyWriter& KeyWriter::Int64(int64_t value) {
  return Uint64(static_cast<uint64_t>(value) ^ 0x8000000000000000ull);
}

KeyWriter& KeyWriter::StringPrefix(absl::string_view value) {
  for (char c : value) {
    key_.push_back(c);
    if (c == kEscape) key_.push_back(kEscapedZero);
  }
  return *this;
}

KeyWriter& KeyWriter::String(absl::string_view value) {
  StringPrefix(value);
  key_.push_back(kEscape);
  key_.push_back(kEnd);
  return *this;
}

KeyWriter& KeyWriter::Date(const v1::Date& date) {
  Int32(date.year());
  Uint8(static_cast<uint8_t>(date.month()));
  return Uint8(static_cast<uint8_t>(date.day()));
}

absl::StatusOr<uint64_t> KeyReader::BigEndian(int width) {
  if (rest_.size() < static_cast<size_t>(width)) {
    return Malformed(absl::StrCat("expected ", width, " bytes, ", rest_.size(), " left"));
  }
  uint64_t value = 0;
  for (int i = 0; i < width; ++i) {
    value = (value << 8) | static_cast<uint8_t>(rest_[i]);
  }
  rest_.remove_prefix(width);
  return value;
}

absl::StatusOr<uint8_t> KeyReader::Uint8() {
  ASSIGN_OR_RETURN(uint64_t value, BigEndian(1));
  return static_cast<uint8_t>(value);
}

absl::StatusOr<uint32_t> KeyReader::Uint32() {
  ASSIGN_OR_RETURN(uint64_t value, BigEndian(4));
  return static_cast<uint32_t>(value);
}

absl::StatusOr<uint64_t> KeyReader::Uint64() { return BigEndian(8); }

absl::StatusOr<int32_t> KeyReader::Int32() {
  ASSIGN_OR_RETURN(uint32_t value, Uint32());
  return static_cast<int32_t>(value ^ 0x80000000u);
}

absl::StatusOr<int64_t> KeyReader::Int64() {
  ASSIGN_OR_RETURN(uint64_t value, Uint64());
  return static_cast<int64_t>(value ^ 0x8000000000000000ull);
}

absl::StatusOr<std::string> KeyReader::String() {
  std::string out;
  for (size_t i = 0; i < rest_.size(); ++i) {
    if (rest_[i] != kEscape) {
      out.push_back(rest_[i]);
      continue;
    }
    if (i + 1 == rest_.size()) return Malformed("string ends inside an escape");
    if (rest_[i + 1] == kEnd) {
      rest_.remove_prefix(i + 2);
      return out;
    }
    if (rest_[i + 1] != kEscapedZero) return Malformed("invalid escape in string");
    out.push_back(kEscape);
    ++i;
  }
  return Malformed("string without end marker");
}

absl::StatusOr<v1::Date> KeyReader::Date() {
  ASSIGN_OR_RETURN(int32_t year, Int32());
  ASSIGN_OR_RETURN(uint8_t month, Uint8());
  ASSIGN_OR_RETURN(uint8_t day, Uint8());
  if (month > 12 || day > 31) return Malformed("date out of range");
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

absl::Status KeyReader::ExpectEnd() const {
  if (rest_.empty()) return absl::OkStatus();
  return Malformed(absl::StrCat(rest_.size(), " unexpected trailing bytes"));
}

std::string PrefixSuccessor(absl::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    if (static_cast<uint8_t>(out.back()) != 0xFF) {
      out.back() = static_cast<char>(static_cast<uint8_t>(out.back()) + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

}  // namespace summit::storage
