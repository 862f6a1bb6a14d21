#include "delivery/testing/receiver_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <fmt/format.h>

// For LeakSanitizer (the ASan build) in every test binary that links this library and renders
// letters: fontconfig, under pango, keeps its configuration and font caches for the life of the
// process and never frees them. Not a leak of ours.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace proaktiv::delivery::testing {
namespace {

struct Spawned {
  pid_t pid = -1;
  int stdout_fd = -1;
};

// fork + exec rather than posix_spawn, to set PR_SET_PDEATHSIG in the child: a receiver dies
// with the test even when the test crashes. Between fork and exec the child makes only
// async-signal-safe calls.
Result<Spawned> Spawn(const std::vector<std::string>& argv) {
  if (argv.empty()) return InvalidArgument("no program to run");
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int fds[2];
  int exec_error[2];  // the child reports a failed exec through this close-on-exec pipe
  if (::pipe2(fds, O_CLOEXEC) != 0 || ::pipe2(exec_error, O_CLOEXEC) != 0) {
    return Internal(fmt::format("pipe: {}", strerror(errno)));
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) return Internal(fmt::format("fork: {}", strerror(errno)));
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(127);
    ::dup2(fds[1], STDOUT_FILENO);
    ::execvp(args[0], args.data());
    const int error = errno;
    [[maybe_unused]] ssize_t n = ::write(exec_error[1], &error, sizeof error);
    ::_exit(127);
  }
  ::close(fds[1]);
  ::close(exec_error[1]);
  int error = 0;
  const ssize_t n = ::read(exec_error[0], &error, sizeof error);
  ::close(exec_error[0]);
  if (n == sizeof error) {
    ::close(fds[0]);
    ::waitpid(pid, nullptr, 0);
    return FailedPrecondition(fmt::format("cannot run {}: {}", argv[0], strerror(error)));
  }
  return Spawned{pid, fds[0]};
}

std::string ExitText(int status) {
  if (WIFEXITED(status)) return fmt::format("exit status {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return fmt::format("signal {}", WTERMSIG(status));
  return "unknown end";
}

}  // namespace

std::string ReceiverScript(const std::string& name) {
  return std::string(PROAKTIV_SOURCE_DIR) + "/tests/receivers/" + name;
}

Result<std::unique_ptr<ReceiverProcess>> ReceiverProcess::Start(
    const std::vector<std::string>& argv) {
  PROAKTIV_ASSIGN_OR_RETURN(Spawned child, Spawn(argv));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  std::string line;
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{child.stdout_fd, POLLIN, 0};
    const int ready = left.count() > 0 ? ::poll(&p, 1, static_cast<int>(left.count())) : 0;
    char buffer[256];
    const ssize_t n = ready > 0 ? ::read(child.stdout_fd, buffer, sizeof buffer) : -1;
    if (n <= 0) {
      if (ready > 0 || left.count() <= 0) ::kill(child.pid, SIGKILL);
      int status = 0;
      ::waitpid(child.pid, &status, 0);
      ::close(child.stdout_fd);
      return FailedPrecondition(fmt::format("{} did not print its port ({}{})", argv.back(),
                                            ready > 0 ? "" : "timed out; ", ExitText(status)));
    }
    line.append(buffer, static_cast<size_t>(n));
  }
  const int port = std::atoi(line.c_str());
  if (port <= 0 || port > 65535) {
    ::kill(child.pid, SIGKILL);
    ::waitpid(child.pid, nullptr, 0);
    ::close(child.stdout_fd);
    return FailedPrecondition(fmt::format("{} printed '{}' instead of a port", argv[0], line));
  }
  return std::unique_ptr<ReceiverProcess>(
      new ReceiverProcess(child.pid, child.stdout_fd, static_cast<uint16_t>(port)));
}

ReceiverProcess::~ReceiverProcess() {
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  ::close(stdout_fd_);
}

Result<std::string> RunForOutput(const std::vector<std::string>& argv) {
  PROAKTIV_ASSIGN_OR_RETURN(Spawned child, Spawn(argv));
  std::string output;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(child.stdout_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    output.append(buffer, static_cast<size_t>(n));
  }
  ::close(child.stdout_fd);
  int status = 0;
  ::waitpid(child.pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return FailedPrecondition(fmt::format("{} failed: {}", argv[0], ExitText(status)));
  }
  return output;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

namespace {

// The directories MakeTempDirectory made, removed when the test process ends normally.
struct TempDirectories {
  std::mutex mutex;
  std::vector<std::string> paths;
  ~TempDirectories() {
    for (const std::string& path : paths) {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  }
};
TempDirectories& Made() {
  static TempDirectories made;
  return made;
}

}  // namespace

std::string MakeTempDirectory(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) std::abort();
  std::lock_guard lock(Made().mutex);
  Made().paths.push_back(pattern);
  return pattern;
}

}  // namespace proaktiv::delivery::testing
