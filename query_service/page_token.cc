#include "query_service/page_token.h"

#include <algorithm>
#include <cassert>
#include <memory>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/digest.h"
#include "common/file_util.h"
#include "common/status_macros.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "openssl/crypto.h"

namespace summit::query {

using common::HmacSha256;
using common::RandomBytes;
using common::ReadFileToString;

namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// 2 since tags are keyed: an unkeyed token of version 1 is refused as such.
constexpr char kTokenVersion = 2;
constexpr size_t kTagBytes = 16;

const FieldDescriptor& Field(const Message& request, const char* name) {
  const FieldDescriptor* field = request.GetDescriptor()->FindFieldByName(name);
  assert(field != nullptr && "a List request has page_size and page_token");
  return *field;
}

absl::Status BadToken(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("page_token: ", why));
}

}  // namespace

absl::StatusOr<PageTokens> PageTokens::WithKey(std::string key) {
  if (key.size() < kMinPageTokenKeyBytes) {
    return absl::InvalidArgumentError(absl::StrCat("a page token key needs at least ",
                                                   kMinPageTokenKeyBytes,
                                                   " bytes; this one has ", key.size()));
  }
  return PageTokens(std::move(key));
}

absl::StatusOr<PageTokens> PageTokens::FromKeyFile(const std::string& path) {
  ASSIGN_OR_RETURN(std::string key, ReadFileToString(path));
  absl::StatusOr<PageTokens> tokens = WithKey(std::move(key));
  if (!tokens.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", tokens.status().message(),
                     " (make one with: head -c 32 /dev/urandom > ", path, ")"));
  }
  return tokens;
}

absl::StatusOr<PageTokens> PageTokens::WithRandomKey() {
  absl::StatusOr<std::string> key = RandomBytes(kMinPageTokenKeyBytes);
  if (!key.ok()) {
    return absl::Status(key.status().code(), absl::StrCat("empty, and no random key: ",
                                                          key.status().message()));
  }
  return PageTokens(*std::move(key));
}

std::string PageTokens::Tag(const Message& request,
                            absl::string_view resume_after) const {
  std::unique_ptr<Message> filters(request.New());
  filters->CopyFrom(request);
  const google::protobuf::Reflection* reflection = filters->GetReflection();
  reflection->ClearField(filters.get(), &Field(request, "page_size"));
  reflection->ClearField(filters.get(), &Field(request, "page_token"));
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    filters->SerializeToCodedStream(&coded);
  }
  const std::string mac = HmacSha256(
      key_, absl::StrCat(std::string(1, kTokenVersion), request.GetTypeName(),
                         std::string(1, '\0'), bytes.size(), ":", bytes, resume_after));
  return mac.substr(0, kTagBytes);
}

absl::StatusOr<PageRequest> PageTokens::ReadPageRequest(const Message& request) const {
  const google::protobuf::Reflection* reflection = request.GetReflection();
  const int32_t size = reflection->GetInt32(request, &Field(request, "page_size"));
  if (size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: ", size, " is negative; use 0 for the default of ",
                     kDefaultPageSize));
  }
  PageRequest page;
  page.limit = size == 0 ? kDefaultPageSize : std::min(size, kMaxPageSize);
  const std::string token = reflection->GetString(request, &Field(request, "page_token"));
  if (token.empty()) return page;
  std::string bytes;
  if (!absl::WebSafeBase64Unescape(token, &bytes) || bytes.size() <= kTagBytes + 1 ||
      bytes[0] != kTokenVersion) {
    return BadToken("not a token of this service; pass next_page_token unchanged");
  }
  page.resume_after = bytes.substr(1, bytes.size() - 1 - kTagBytes);
  const std::string tag = Tag(request, page.resume_after);
  if (CRYPTO_memcmp(bytes.data() + bytes.size() - kTagBytes, tag.data(), kTagBytes) !=
      0) {
    return BadToken(
        "does not match this request's filters, was altered, or has expired; send the "
        "filters of the request that returned it, or start again without a page_token");
  }
  return page;
}

std::string PageTokens::MakePageToken(const Message& request,
                                      absl::string_view resume_after) const {
  if (resume_after.empty()) return "";
  return absl::WebSafeBase64Escape(absl::StrCat(
      std::string(1, kTokenVersion), resume_after, Tag(request, resume_after)));
}

}  // namespace summit::query
