#include "query_service/page_token.h"

#include <algorithm>
#include <cassert>
#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/digest.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace summit {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr char kTokenVersion = 1;
constexpr size_t kTagBytes = 16;

const FieldDescriptor& Field(const Message& request, const char* name) {
  const FieldDescriptor* field = request.GetDescriptor()->FindFieldByName(name);
  assert(field != nullptr && "a List request has page_size and page_token");
  return *field;
}

// The tag binding `resume_after` to the request's type and filters.
std::string Tag(const Message& request, absl::string_view resume_after) {
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
  const std::string digest = Sha256(absl::StrCat(
      std::string(1, kTokenVersion), request.GetTypeName(), std::string(1, '\0'),
      bytes.size(), ":", bytes, resume_after));
  return digest.substr(0, kTagBytes);
}

absl::Status BadToken(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("page_token: ", why));
}

}  // namespace

absl::StatusOr<PageRequest> ReadPageRequest(const Message& request) {
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
  if (bytes.substr(bytes.size() - kTagBytes) != Tag(request, page.resume_after)) {
    return BadToken(
        "does not match this request's filters, or was altered; send the filters "
        "of the request that returned it");
  }
  return page;
}

std::string MakePageToken(const Message& request, absl::string_view resume_after) {
  if (resume_after.empty()) return "";
  return absl::WebSafeBase64Escape(absl::StrCat(std::string(1, kTokenVersion), resume_after,
                                                Tag(request, resume_after)));
}

}  // namespace summit
