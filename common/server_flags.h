// Flags both servers share, beyond --listen and --db_path whose defaults
// differ per service.
#ifndef SUMMIT_COMMON_SERVER_FLAGS_H_
#define SUMMIT_COMMON_SERVER_FLAGS_H_

#include <string>

#include "common/server_runner.h"

namespace summit::common {

// Parses the command line with `usage` as the program's description;
// --help then lists every flag of summit's own files with its default.
// Also turns off abseil's mutex deadlock detection for the process.
void ParseServerFlags(int argc, char** argv, const char* usage);

// ServerOptions from the shared flags (--port_file, --shutdown_grace,
// --tls_cert_file, --tls_key_file, --metrics_listen, --metrics_port_file)
// and
// `listen_address`. Call after absl::ParseCommandLine.
ServerOptions ServerOptionsFromFlags(std::string listen_address);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_SERVER_FLAGS_H_
