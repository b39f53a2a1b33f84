#include "tests/testing/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "common/file_util.h"
#include "tests/testing/temp_dir.h"

extern char** environ;

namespace summit::testing {

using common::ReadFileToString;

absl::StatusOr<ChildProcess> ChildProcess::Start(const std::vector<std::string>& argv,
                                                 const std::string& output_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string out = output_path.empty() ? "/dev/null" : output_path;
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);

  // Children start with default signal dispositions and an empty mask.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (error != 0) {
    return absl::InternalError(
        absl::StrCat("cannot start ", argv[0], ": ", strerror(error)));
  }
  return ChildProcess(pid);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept : pid_(other.pid_) {
  other.pid_ = 0;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

void ChildProcess::Signal(int signal) {
  if (pid_ > 0) kill(pid_, signal);
}

std::optional<int> ChildProcess::Wait(absl::Duration timeout) {
  if (pid_ <= 0) return std::nullopt;
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = 0;
      return status;
    }
    if (absl::Now() >= deadline) return std::nullopt;
    absl::SleepFor(absl::Milliseconds(10));
  }
}

std::string ReadFile(const std::string& path) {
  return ReadFileToString(path).value_or("");
}

CommandResult RunCommand(const std::vector<std::string>& argv, absl::Duration timeout) {
  TempDir dir;
  const std::string output_path = dir.Sub("output");
  CommandResult result;
  absl::StatusOr<ChildProcess> child = ChildProcess::Start(argv, output_path);
  if (!child.ok()) {
    result.output = child.status().ToString();
    return result;
  }
  std::optional<int> status = child->Wait(timeout);
  result.output = ReadFile(output_path);
  if (!status.has_value()) {
    result.output += absl::StrCat("\n[timed out after ", absl::FormatDuration(timeout),
                                  ": ", absl::StrJoin(argv, " "), "]");
  } else if (WIFEXITED(*status)) {
    result.exit_code = WEXITSTATUS(*status);
  }
  return result;
}

absl::StatusOr<StartedServer> StartServer(const std::string& binary,
                                          const std::vector<std::string>& args,
                                          const std::string& dir,
                                          const std::string& name) {
  const std::string port_file = absl::StrCat(dir, "/", name, ".port");
  const std::string log_path = absl::StrCat(dir, "/", name, ".log");
  std::vector<std::string> argv = {binary, "--listen=127.0.0.1:0",
                                   "--port_file=" + port_file};
  argv.insert(argv.end(), args.begin(), args.end());
  absl::StatusOr<ChildProcess> child = ChildProcess::Start(argv, log_path);
  if (!child.ok()) return child.status();

  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (absl::Now() < deadline) {
    int port = 0;
    if (absl::SimpleAtoi(absl::StripAsciiWhitespace(ReadFile(port_file)), &port) &&
        port > 0) {
      return StartedServer{std::move(*child), port, log_path};
    }
    if (child->Wait(absl::Milliseconds(20)).has_value()) {
      return absl::InternalError(
          absl::StrCat(name, " exited before serving:\n", ReadFile(log_path)));
    }
  }
  return absl::DeadlineExceededError(
      absl::StrCat(name, " did not report a port within 30 s:\n", ReadFile(log_path)));
}

absl::StatusOr<ServerPair> StartServerPair(const std::string& ingest_binary,
                                          const std::string& query_binary,
                                          const std::string& dir) {
  const std::string db = absl::StrCat(dir, "/db");
  absl::StatusOr<StartedServer> ingest =
      StartServer(ingest_binary, {"--db_path=" + db}, dir, "ingest");
  if (!ingest.ok()) return ingest.status();
  absl::StatusOr<StartedServer> query = StartServer(
      query_binary, {"--db_path=" + db, absl::StrCat("--secondary_path=", dir, "/secondary")},
      dir, "query");
  if (!query.ok()) return query.status();
  return ServerPair{*std::move(ingest), *std::move(query)};
}

bool StopServerPair(ServerPair& pair, absl::Duration timeout) {
  bool stopped = true;
  for (StartedServer* server : {&pair.query, &pair.ingest}) {
    server->process.Signal(SIGTERM);
    stopped = server->process.Wait(timeout).has_value() && stopped;
  }
  return stopped;
}

}  // namespace summit::testing
