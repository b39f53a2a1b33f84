// The database layout: column families and the schema version. Families are
// only ever appended to kColumnFamilies; an entry is never renamed, reordered
// or removed, since databases on disk name them.
#ifndef SUMMIT_STORAGE_SCHEMA_H_
#define SUMMIT_STORAGE_SCHEMA_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace summit::storage {

// Version of the key and value layout. Bump it with every incompatible
// change and teach Database::Open to migrate or refuse the older one.
inline constexpr uint32_t kSchemaVersion = 1;

// Column families, by position in kColumnFamilies.
enum class ColumnFamily : int {
  kDefault = 0,  // RocksDB's own; holds nothing.
  kMeta,         // "schema_version" and other database-wide facts.
};

inline constexpr std::array<std::string_view, 2> kColumnFamilies = {
    "default",
    "meta",
};

// The key in kMeta holding kSchemaVersion as a big-endian uint32.
inline constexpr std::string_view kSchemaVersionKey = "schema_version";

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_SCHEMA_H_
