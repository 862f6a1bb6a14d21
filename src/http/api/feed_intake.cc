#include "http/api/feed_intake.h"

#include <charconv>
#include <istream>
#include <mutex>
#include <streambuf>

#include <fmt/format.h>

#include "common/logging.h"
#include "http/api/engine_run.h"

namespace proaktiv::http::api {
namespace {

// An input stream buffer over memory it does not own.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

std::mutex& IntakeMutex() {
  static std::mutex mutex;
  return mutex;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// The 1-based line of `text` that holds its `n`-th non-blank line (the consumer's count).
int64_t PhysicalLine(std::string_view text, int64_t n) {
  int64_t physical = 0;
  int64_t non_blank = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++physical;
    if (!IsBlank(line) && ++non_blank == n) return physical;
  }
  return physical;
}

// Splits the consumer's "entry 1004: …" or "line 7: …" prefix off a message.
BadEntry Describe(std::string_view message, int64_t line) {
  BadEntry bad;
  bad.line = line;
  for (std::string_view prefix : {"entry ", "line "}) {
    if (message.rfind(prefix, 0) != 0) continue;
    std::string_view rest = message.substr(prefix.size());
    int64_t number = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
    if (ec != std::errc() || end == rest.data()) continue;
    std::string_view after(end, rest.data() + rest.size() - end);
    if (after.rfind(": ", 0) != 0) continue;
    if (prefix == "entry ") bad.sequence = number;
    message = after.substr(2);
    break;
  }
  bad.message = RedactIdentityNumbers(message);
  return bad;
}

}  // namespace

ApiResult<FeedIntakeResult> IngestLines(store::RegistryStore& store,
                                        const engine::ServiceLibrary& library,
                                        std::string_view text, CivilDate today) {
  FeedIntakeResult out;
  {
    std::lock_guard<std::mutex> lock(IntakeMutex());
    MemoryBuffer buffer(text);
    std::istream in(&buffer);
    intake::FeedConsumer consumer(store, intake::IntakeOptions{});
    PROAKTIV_API_ASSIGN_OR_RETURN(out.report, consumer.Consume(in));
  }
  if (out.report.error) {
    out.bad = Describe(out.report.error->message, PhysicalLine(text, out.report.lines));
  }
  auto run = RunEngineThrough(store, library, today);
  if (!run) {
    return Fail(500, "engine-failed",
                fmt::format("the entries were stored ({} applied), but the engine failed: {}",
                            out.report.applied, RedactIdentityNumbers(run.error().message)));
  }
  out.offers_made = run->offers_made;
  return out;
}

boost::json::object IntakeCounts(const FeedIntakeResult& result) {
  int64_t unknown = 0;
  for (const auto& [type, n] : result.report.unknown_types) unknown += n;
  return boost::json::object{{"applied", result.report.applied},
                             {"already_applied", result.report.replayed},
                             {"unknown_types", unknown},
                             {"last_sequence", result.report.last_sequence},
                             {"offers_made", result.offers_made}};
}

Response BadEntryProblem(const FeedIntakeResult& result, const std::string& where) {
  const BadEntry& bad = *result.bad;
  const std::string detail = fmt::format(
      "{}: {}. Intake stopped there: the {} entries before it were applied, nothing of this "
      "one or after it. Fix it and send the rest again (entries already applied are skipped).",
      where, bad.message, result.report.applied);
  Response response = Response::Problem(422, "invalid-entry", detail);
  boost::json::object doc = boost::json::parse(response.body).as_object();
  doc["line"] = bad.line;
  doc["sequence"] = bad.sequence ? boost::json::value(*bad.sequence) : nullptr;
  for (auto& [key, value] : IntakeCounts(result)) doc[key] = value;
  response.body = boost::json::serialize(doc);
  return response;
}

}  // namespace proaktiv::http::api
