// Child processes for black-box tests: the real summit binaries and
// command-line clients such as `buf curl`.
#ifndef SUMMIT_TESTS_TESTING_PROCESS_H_
#define SUMMIT_TESTS_TESTING_PROCESS_H_

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace summit::testing {

// A running child. Killed with SIGKILL and reaped on destruction if still
// running, so a failing test leaves no process behind.
class ChildProcess final {
 public:
  // Starts argv[0] (a path) with `argv`; stdout and stderr go to
  // `output_path` (appended), or are discarded when it is empty.
  static absl::StatusOr<ChildProcess> Start(const std::vector<std::string>& argv,
                                            const std::string& output_path);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }

  // Sends `signal` (no-op once reaped).
  void Signal(int signal);

  // Waits up to `timeout` for the child to exit; returns its wait status, or
  // nullopt when it is still running.
  std::optional<int> Wait(absl::Duration timeout);

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}
  pid_t pid_;
};

// The result of a command run to completion.
struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal or timed out.
  std::string output;  // stdout and stderr, interleaved.
};

// Runs `argv` to completion (killing it after `timeout`) and captures its
// output.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         absl::Duration timeout = absl::Seconds(60));

// Starts a summit server binary with `--listen=127.0.0.1:0` and
// `--port_file` in `dir`, plus `args`, and waits until it reports its port.
struct StartedServer {
  ChildProcess process;
  int port;
  std::string log_path;
};
absl::StatusOr<StartedServer> StartServer(const std::string& binary,
                                          const std::vector<std::string>& args,
                                          const std::string& dir,
                                          const std::string& name);

// summit_ingest on `dir`/db, then summit_query following it with its own
// files in `dir`/secondary, each as StartServer starts it.
struct ServerPair {
  StartedServer ingest;
  StartedServer query;
};
absl::StatusOr<ServerPair> StartServerPair(const std::string& ingest_binary,
                                          const std::string& query_binary,
                                          const std::string& dir);

// SIGTERMs the query server, then the ingest server it follows, waiting up
// to `timeout` for each; false when one did not exit. Reset client stubs
// first: an open channel holds up graceful shutdown.
bool StopServerPair(ServerPair& pair, absl::Duration timeout = absl::Seconds(20));

// Reads a whole file; empty when missing.
std::string ReadFile(const std::string& path);

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_TESTING_PROCESS_H_
