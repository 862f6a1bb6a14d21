#pragma once

// Test support: the real receivers of tests/receivers/ (an SMTP server, a message gateway) as
// child processes on loopback, and running a tool (pdftotext, the mailbox view) for its output.
//
//   auto smtp = ReceiverProcess::Start({kPython, ReceiverScript("smtp_receiver.py"), "--log", f});
//   ASSERT_TRUE(smtp) << smtp.error().message;
//   uint16_t port = (*smtp)->port();
//
// A receiver prints its port on the first line of its standard output once it accepts
// connections; Start waits for that line (20 s at most) and fails when the process ends first
// or the program is missing, so a missing tool fails the test instead of skipping it. The
// destructor sends SIGTERM and reaps the child. Not thread-safe; one owner.

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"

namespace proaktiv::delivery::testing {

// Debian's Python, where python3-aiosmtpd is installed (not whatever python3 is first on PATH).
inline constexpr const char* kPython = "/usr/bin/python3";

// The path of a script in tests/receivers/.
std::string ReceiverScript(const std::string& name);

class ReceiverProcess {
 public:
  static Result<std::unique_ptr<ReceiverProcess>> Start(const std::vector<std::string>& argv);
  ~ReceiverProcess();
  ReceiverProcess(const ReceiverProcess&) = delete;
  ReceiverProcess& operator=(const ReceiverProcess&) = delete;

  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  ReceiverProcess(pid_t pid, int stdout_fd, uint16_t port)
      : pid_(pid), stdout_fd_(stdout_fd), port_(port) {}
  pid_t pid_;
  int stdout_fd_;  // kept open so that the child never writes into a closed pipe
  uint16_t port_;
};

// Runs `argv` to its end and returns its standard output; an error naming the program when it
// cannot start or exits with a non-zero status.
Result<std::string> RunForOutput(const std::vector<std::string>& argv);

// The lines of a file (empty when it does not exist).
std::vector<std::string> ReadLines(const std::string& path);

// A fresh empty directory under the system's temporary directory, removed with everything in
// it when the process ends normally (a crashed test leaves it for inspection).
std::string MakeTempDirectory(const std::string& prefix);

}  // namespace proaktiv::delivery::testing
