#include "tests/extractor/record_diff.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/text_spans.h"
#include "extractor/document.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace summit::testing {

using common::ForEachTextSpan;
using common::HasTextSpan;

namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;

// A message flattened to its compared scalar fields: "date.year" -> "2024".
// Fields at their default value (and unset messages) are left out.
using Leaves = std::map<std::string, std::string>;

bool IsUncompared(const FieldDescriptor* field) {
  for (const UncomparedField& uncompared : UncomparedFields()) {
    if (field->full_name() == uncompared.name) return true;
  }
  return false;
}

bool IsTextSpan(const FieldDescriptor* field) {
  return field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
         field->message_type()->full_name() == v1::TextSpan::descriptor()->full_name();
}

std::string Join(const std::string& path, const std::string& name) {
  return path.empty() ? name : absl::StrCat(path, ".", name);
}

std::string Quote(const std::string& text) { return absl::StrCat("\"", text, "\""); }

// `text` cut to at most `max` bytes on a UTF-8 character boundary.
std::string Shorten(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "...";
}

// The value of a singular scalar `field`, or of element `index` of a
// repeated one, as text. Numbers with 12 significant digits, so that a
// value computed as 1.1 * 1e9 equals 1100000000.
std::string ScalarText(const Message& message, const FieldDescriptor* field, int index) {
  const Reflection* r = message.GetReflection();
  const bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(repeated ? r->GetRepeatedInt32(message, field, index)
                                   : r->GetInt32(message, field));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(repeated ? r->GetRepeatedInt64(message, field, index)
                                   : r->GetInt64(message, field));
    case FieldDescriptor::CPPTYPE_UINT32:
      return absl::StrCat(repeated ? r->GetRepeatedUInt32(message, field, index)
                                   : r->GetUInt32(message, field));
    case FieldDescriptor::CPPTYPE_UINT64:
      return absl::StrCat(repeated ? r->GetRepeatedUInt64(message, field, index)
                                   : r->GetUInt64(message, field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return absl::StrFormat("%.12g", repeated
                                          ? r->GetRepeatedDouble(message, field, index)
                                          : r->GetDouble(message, field));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return absl::StrFormat("%.6g", repeated ? r->GetRepeatedFloat(message, field, index)
                                              : r->GetFloat(message, field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return (repeated ? r->GetRepeatedBool(message, field, index)
                       : r->GetBool(message, field))
                 ? "true"
                 : "false";
    case FieldDescriptor::CPPTYPE_ENUM:
      return (repeated ? r->GetRepeatedEnum(message, field, index)
                       : r->GetEnum(message, field))
          ->name();
    case FieldDescriptor::CPPTYPE_STRING:
      return Quote(repeated ? r->GetRepeatedString(message, field, index)
                            : r->GetString(message, field));
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return "?";
}

// The elements of repeated scalar `field`, sorted: repeated strings are
// compared as sets.
std::vector<std::string> SortedScalars(const Message& message,
                                       const FieldDescriptor* field) {
  std::vector<std::string> values;
  const int size = message.GetReflection()->FieldSize(message, field);
  for (int i = 0; i < size; ++i) values.push_back(ScalarText(message, field, i));
  std::sort(values.begin(), values.end());
  return values;
}

std::string List(const std::vector<std::string>& values) {
  return absl::StrCat("[", absl::StrJoin(values, ", "), "]");
}

void Flatten(const Message& message, const std::string& prefix, Leaves* leaves);

std::string Render(const Message& message) {
  Leaves leaves;
  Flatten(message, "", &leaves);
  return absl::StrCat("{",
                      absl::StrJoin(leaves, ", ",
                                    [](std::string* out, const auto& leaf) {
                                      absl::StrAppend(out, leaf.first, ": ", leaf.second);
                                    }),
                      "}");
}

void Flatten(const Message& message, const std::string& prefix, Leaves* leaves) {
  const Descriptor* descriptor = message.GetDescriptor();
  const Reflection* r = message.GetReflection();
  for (int f = 0; f < descriptor->field_count(); ++f) {
    const FieldDescriptor* field = descriptor->field(f);
    if (IsUncompared(field)) continue;
    const std::string name = Join(prefix, field->name());
    if (field->is_repeated()) {
      if (r->FieldSize(message, field) == 0) continue;
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        std::vector<std::string> elements;
        for (int i = 0; i < r->FieldSize(message, field); ++i) {
          elements.push_back(Render(r->GetRepeatedMessage(message, field, i)));
        }
        std::sort(elements.begin(), elements.end());
        (*leaves)[name] = List(elements);
      } else {
        (*leaves)[name] = List(SortedScalars(message, field));
      }
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (r->HasField(message, field))
        Flatten(r->GetMessage(message, field), name, leaves);
    } else if (r->HasField(message, field)) {  // proto3: set means not default
      (*leaves)[name] = ScalarText(message, field, 0);
    }
  }
}

Leaves LeavesOf(const Message& message) {
  Leaves leaves;
  Flatten(message, "", &leaves);
  return leaves;
}

// The share of the fields set on either side that are equal on both.
double Similarity(const Leaves& a, const Leaves& b) {
  int union_size = 0;
  int equal = 0;
  for (const auto& [key, value] : a) {
    ++union_size;
    auto it = b.find(key);
    if (it != b.end() && it->second == value) ++equal;
  }
  for (const auto& [key, value] : b) {
    if (a.find(key) == a.end()) ++union_size;
  }
  return union_size == 0 ? 1.0 : static_cast<double>(equal) / union_size;
}

// How an element only the answer has is named: by the text of its span when
// that is compared, or else by its compared string fields.
std::string ExtraLabel(const Message& message) {
  const Descriptor* descriptor = message.GetDescriptor();
  const Reflection* r = message.GetReflection();
  const FieldDescriptor* span = descriptor->FindFieldByName("span");
  if (span != nullptr && IsTextSpan(span) && !IsUncompared(span) &&
      r->HasField(message, span)) {
    const auto& text = static_cast<const v1::TextSpan&>(r->GetMessage(message, span));
    if (!text.text().empty()) return Quote(Shorten(text.text(), 60));
  }
  std::vector<std::string> words;
  for (int f = 0; f < descriptor->field_count(); ++f) {
    const FieldDescriptor* field = descriptor->field(f);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING && !field->is_repeated() &&
        !IsUncompared(field) && r->HasField(message, field)) {
      words.push_back(r->GetString(message, field));
    }
  }
  if (words.empty()) return Shorten(Render(message), 60);
  return Quote(Shorten(absl::StrJoin(words, " "), 60));
}

void Compare(const Message& want, const Message& got, const std::string& path,
             std::vector<Mismatch>* out);

void CompareRepeated(const Message& want, const Message& got,
                     const FieldDescriptor* field, const std::string& path,
                     std::vector<Mismatch>* out) {
  const Reflection* r = want.GetReflection();
  const int want_size = r->FieldSize(want, field);
  const int got_size = r->FieldSize(got, field);
  std::vector<Leaves> want_leaves, got_leaves;
  for (int i = 0; i < want_size; ++i) {
    want_leaves.push_back(LeavesOf(r->GetRepeatedMessage(want, field, i)));
  }
  for (int j = 0; j < got_size; ++j) {
    got_leaves.push_back(LeavesOf(r->GetRepeatedMessage(got, field, j)));
  }
  std::vector<int> partner(want_size, -1);
  std::vector<bool> taken(got_size, false);
  // Identical facts first, in order.
  for (int i = 0; i < want_size; ++i) {
    for (int j = 0; j < got_size; ++j) {
      if (!taken[j] && want_leaves[i] == got_leaves[j]) {
        partner[i] = j;
        taken[j] = true;
        break;
      }
    }
  }
  // Then the most similar remaining pairs, at least half alike.
  std::vector<std::tuple<double, int, int>> candidates;
  for (int i = 0; i < want_size; ++i) {
    if (partner[i] >= 0) continue;
    for (int j = 0; j < got_size; ++j) {
      if (taken[j]) continue;
      const double similarity = Similarity(want_leaves[i], got_leaves[j]);
      if (similarity >= 0.5) candidates.emplace_back(-similarity, i, j);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (const auto& [negated, i, j] : candidates) {
    if (partner[i] >= 0 || taken[j]) continue;
    partner[i] = j;
    taken[j] = true;
  }
  for (int i = 0; i < want_size; ++i) {
    const std::string element = absl::StrCat(path, "[", i, "]");
    const Message& wanted = r->GetRepeatedMessage(want, field, i);
    if (partner[i] < 0) {
      out->push_back({element, absl::StrCat("missing: ", Render(wanted))});
    } else {
      Compare(wanted, r->GetRepeatedMessage(got, field, partner[i]), element, out);
    }
  }
  for (int j = 0; j < got_size; ++j) {
    if (taken[j]) continue;
    const Message& extra = r->GetRepeatedMessage(got, field, j);
    out->push_back({absl::StrCat(path, "[+", ExtraLabel(extra), "]"),
                    absl::StrCat("unexpected: ", Render(extra))});
  }
}

void Compare(const Message& want, const Message& got, const std::string& path,
             std::vector<Mismatch>* out) {
  const Descriptor* descriptor = want.GetDescriptor();
  const Reflection* r = want.GetReflection();
  for (int f = 0; f < descriptor->field_count(); ++f) {
    const FieldDescriptor* field = descriptor->field(f);
    if (IsUncompared(field)) continue;
    // The summit's fields are named from the summit: "date", not
    // "summit.date".
    const bool is_summit =
        descriptor == v1::ExtractArticleResponse::descriptor() &&
        field->number() == v1::ExtractArticleResponse::kSummitFieldNumber;
    const FieldDescriptor* reason =
        is_summit ? descriptor->FindFieldByName("not_summit_reason") : nullptr;
    const std::string name = Join(path, field->name());
    if (field->is_repeated() && field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      CompareRepeated(want, got, field, name, out);
    } else if (field->is_repeated()) {
      const std::vector<std::string> wanted = SortedScalars(want, field);
      const std::vector<std::string> found = SortedScalars(got, field);
      if (wanted != found) {
        out->push_back(
            {name, absl::StrCat("want ", List(wanted), ", got ", List(found))});
      }
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      // A message set to all defaults counts as unset.
      const Message& wanted = r->GetMessage(want, field);
      const Message& found = r->GetMessage(got, field);
      const bool want_set = r->HasField(want, field) && !LeavesOf(wanted).empty();
      const bool got_set = r->HasField(got, field) && !LeavesOf(found).empty();
      if (want_set && got_set) {
        Compare(wanted, found, is_summit ? "" : name, out);
      } else if (is_summit && want_set) {
        out->push_back({name, absl::StrCat("missing: the extractor finds no summit (",
                                           ScalarText(got, reason, 0), ")")});
      } else if (is_summit && got_set) {
        out->push_back(
            {name, absl::StrCat("unexpected: the extractor finds ",
                                static_cast<const v1::Summit&>(found).name())});
      } else if (want_set) {
        out->push_back({name, absl::StrCat("missing: ", Render(wanted))});
      } else if (got_set) {
        out->push_back({name, absl::StrCat("unexpected: ", Render(found))});
      }
    } else {
      const std::string wanted = ScalarText(want, field, 0);
      const std::string found = ScalarText(got, field, 0);
      if (wanted != found) {
        out->push_back({name, absl::StrCat("want ", wanted, ", got ", found)});
      }
    }
  }
}

// Every field `message` sets that the comparison leaves out.
void FindUncompared(const Message& message, const std::string& path,
                    std::vector<Mismatch>* out) {
  const Reflection* r = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const bool is_summit =
        message.GetDescriptor() == v1::ExtractArticleResponse::descriptor() &&
        field->number() == v1::ExtractArticleResponse::kSummitFieldNumber;
    const std::string name = is_summit ? "" : Join(path, field->name());
    if (IsUncompared(field)) {
      for (const UncomparedField& uncompared : UncomparedFields()) {
        if (field->full_name() != uncompared.name) continue;
        out->push_back({name, absl::StrCat("the expected file holds ", uncompared.name,
                                           ", which is not compared (", uncompared.why,
                                           "): remove it or compare it")});
      }
      continue;
    }
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < r->FieldSize(message, field); ++i) {
        FindUncompared(r->GetRepeatedMessage(message, field, i),
                       absl::StrCat(name, "[", i, "]"), out);
      }
    } else {
      FindUncompared(r->GetMessage(message, field), name, out);
    }
  }
}

// Fields that hold words of the source, and so lie within their fact's
// span: {message, field}.
constexpr std::pair<const char*, const char*> kQuotesWithinSpan[] = {
    {"summit.v1.Statement", "text"},
    {"summit.v1.Agreement", "description"},
};

class SpanChecker {
 public:
  SpanChecker(const std::string& text, const std::string& source_id)
      : text_(text), source_id_(source_id), document_(text) {}

  // Checks every span of `summit` against the text, and that every fact
  // has one.
  void CheckSummit(const v1::Summit& summit, std::vector<Mismatch>* out) {
    ForEachTextSpan(summit, [&](absl::string_view path, const v1::TextSpan& span) {
      CheckSpan(span, std::string(path), out);
    });
    CheckFacts(summit, "", out);
  }

 private:
  // The facts in `message`: the elements of its repeated messages and its
  // set messages (the location, an engagement's location), each of a type
  // that declares a TextSpan, must carry a span.
  void CheckFacts(const Message& message, const std::string& path,
                  std::vector<Mismatch>* out) {
    const Descriptor* descriptor = message.GetDescriptor();
    const Reflection* r = message.GetReflection();
    for (int f = 0; f < descriptor->field_count(); ++f) {
      const FieldDescriptor* field = descriptor->field(f);
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE || IsTextSpan(field)) {
        continue;
      }
      const std::string name = Join(path, field->name());
      if (field->is_repeated()) {
        for (int i = 0; i < r->FieldSize(message, field); ++i) {
          CheckFact(r->GetRepeatedMessage(message, field, i),
                    absl::StrCat(name, "[", i, "]"), out);
        }
      } else if (r->HasField(message, field)) {
        CheckFact(r->GetMessage(message, field), name, out);
      }
    }
  }

  void CheckFact(const Message& fact, const std::string& path,
                 std::vector<Mismatch>* out) {
    const Descriptor* descriptor = fact.GetDescriptor();
    bool declares_span = false;
    for (int f = 0; f < descriptor->field_count(); ++f) {
      declares_span = declares_span || IsTextSpan(descriptor->field(f));
    }
    if (declares_span && !HasTextSpan(fact) && !LeavesOf(fact).empty()) {
      out->push_back({absl::StrCat(path, " (span)"),
                      absl::StrCat("a fact without a span: ", Render(fact))});
    }
    CheckQuoteWithinSpan(fact, path, out);
    CheckFacts(fact, path, out);
  }

  void CheckSpan(const v1::TextSpan& span, const std::string& path,
                 std::vector<Mismatch>* out) {
    const std::string key = absl::StrCat(path, " (span)");
    const std::string at = absl::StrCat("[", span.start(), ", ", span.end(), ")");
    if (span.start() >= span.end() || span.end() > text_.size()) {
      out->push_back({key, absl::StrCat("offsets ", at, " outside the text of ",
                                        text_.size(), " bytes or empty")});
      return;
    }
    const std::string covered = text_.substr(span.start(), span.end() - span.start());
    if (covered != span.text()) {
      out->push_back({key, absl::StrCat("text ", Quote(span.text()), " but ", at,
                                        " covers ", Quote(covered))});
    }
    if (span.source_id() != source_id_) {
      out->push_back({key, absl::StrCat("source_id ", Quote(span.source_id()),
                                        ", the article's is ", Quote(source_id_))});
    }
    const int s = span.sentence_index();
    if (s < 0 || s >= document_.sentence_count()) {
      out->push_back({key, absl::StrCat("sentence_index ", s, " but the text has ",
                                        document_.sentence_count(), " sentences")});
      return;
    }
    const auto [first, last] = document_.SentenceBytes(s);
    if (span.start() < first || span.end() > last) {
      out->push_back({key, absl::StrCat("sentence_index ", s, " is bytes [", first, ", ",
                                        last, "), which do not hold ", at)});
    }
  }

  void CheckQuoteWithinSpan(const Message& message, const std::string& path,
                            std::vector<Mismatch>* out) {
    const Descriptor* descriptor = message.GetDescriptor();
    const Reflection* r = message.GetReflection();
    for (const auto& [type, name] : kQuotesWithinSpan) {
      if (descriptor->full_name() != type) continue;
      const FieldDescriptor* quote = descriptor->FindFieldByName(name);
      const FieldDescriptor* span = descriptor->FindFieldByName("span");
      if (quote == nullptr || span == nullptr || !IsTextSpan(span)) continue;
      const std::string words = r->GetString(message, quote);
      const auto& where = static_cast<const v1::TextSpan&>(r->GetMessage(message, span));
      if (where.text().find(words) == std::string::npos) {
        out->push_back({absl::StrCat(path, " (span)"),
                        absl::StrCat(name, " ", Quote(words), " is not within its span ",
                                     Quote(where.text()))});
      }
    }
  }

  const std::string& text_;
  const std::string& source_id_;
  const extractor::Document document_;
};

}  // namespace

void PrintTo(const Mismatch& mismatch, std::ostream* os) {
  *os << mismatch.field << ": " << mismatch.detail;
}

const std::vector<UncomparedField>& UncomparedFields() {
  static const auto* const kFields = new std::vector<UncomparedField>{
      {"summit.v1.ExtractArticleResponse.not_summit_reason",
       "its words are the extractor's; the test requires a reason when there is no "
       "summit, and tests/extractor/README.md says why each non-summit is one"},
      {"summit.v1.Summit.title", "composed by the extractor, not read from the text"},
      {"summit.v1.Summit.sources", "the article's own metadata"},
      {"summit.v1.Summit.create_time", "set by storage"},
      {"summit.v1.Summit.update_time", "set by storage"},
      {"summit.v1.SummitParticipant.mentions",
       "every mention is checked against the text by CheckSpans"},
      {"summit.v1.SummitSector.surface_text",
       "the first word of the sector taxonomy in the text; its span is checked "
       "against the text"},
      {"summit.v1.SummitSector.span", "checked against the text by CheckSpans"},
      {"summit.v1.SummitSector.mentions", "checked against the text by CheckSpans"},
      {"summit.v1.Agreement.span",
       "checked against the text, and it must hold the description, which is "
       "compared"},
      {"summit.v1.Statement.span",
       "checked against the text, and it must hold the statement's text, which is "
       "compared"},
      {"summit.v1.RelatedEngagement.country_codes",
       "no convention yet for which countries a report ties to an event"},
      {"summit.v1.TextSpan.start", "checked: text == article text[start:end]"},
      {"summit.v1.TextSpan.end", "checked: text == article text[start:end]"},
      {"summit.v1.TextSpan.sentence_index", "checked: the sentence holds the span"},
      {"summit.v1.TextSpan.source_id", "checked: the article's source_id"},
  };
  return *kFields;
}

std::vector<Mismatch> CompareWithExpected(const v1::ExtractArticleResponse& want,
                                          const v1::ExtractArticleResponse& got) {
  std::vector<Mismatch> out;
  FindUncompared(want, "", &out);
  Compare(want, got, "", &out);
  if (!got.has_summit() && got.not_summit_reason().empty()) {
    out.push_back({"not_summit_reason", "no summit and no reason given"});
  }
  return out;
}

std::vector<Mismatch> CheckSpans(const v1::Summit& summit, const std::string& text,
                                 const std::string& source_id) {
  std::vector<Mismatch> out;
  SpanChecker(text, source_id).CheckSummit(summit, &out);
  return out;
}

}  // namespace summit::testing
