#include "tests/golden/scenario.h"

#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "catalog/catalog.h"
#include "common/national_id.h"
#include "engine/offer_engine.h"
#include "intake/feed_consumer.h"
#include "registry/entities.h"
#include "tests/golden/scenario_persons.h"

namespace proaktiv::golden {

namespace {

using registry::Person;

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

class Scenario {
 public:
  Scenario(store::RegistryStore& store, const engine::ServiceLibrary& library)
      : store_(store), library_(library), engine_(store, library, {"freg", 500, true, {}}) {}

  Status Execute(const std::vector<std::string>& words) {
    const std::string& verb = words[0];
    if (verb == "start") {
      if (started_) return InvalidArgument("'start' must come before any event or run");
      PROAKTIV_ASSIGN_OR_RETURN(start_, ArgDate(words, 1));
      return {};
    }
    if (verb == "person" || verb == "child" || verb == "married") {
      if (started_) return InvalidArgument(fmt::format("'{}' must come before any event", verb));
      return persons_.Baseline(words);
    }
    if (verb == "run") {
      PROAKTIV_ASSIGN_OR_RETURN(CivilDate until, ArgDate(words, 1));
      return RunThrough(until);
    }
    if (verb == "offers") return PrintOffers();
    if (verb == "explain") return Explain(words);
    if (verb == "tasks") return PrintTasks();
    if (verb == "history") return History(words);
    auto day = CivilDate::Parse(verb);
    if (!day || verb.size() != 10)
      return InvalidArgument(fmt::format("unknown command '{}'", verb));
    Start();
    if (*day <= last_run_) {
      return InvalidArgument(
          fmt::format("{} is not after the last day run ({})", verb, last_run_.ToString()));
    }
    std::vector<std::string> rest(words.begin() + 1, words.end());
    if (!rest.empty() && (rest[0] == "opt-out" || rest[0] == "sent" || rest[0] == "opened" ||
                          rest[0] == "accepted" || rest[0] == "declined")) {
      if (rest.size() != 3)
        return InvalidArgument(fmt::format("usage: DATE {} LABEL SERVICE", rest[0]));
      actions_[*day].push_back({rest[0], rest[1], rest[2]});
      return {};
    }
    PROAKTIV_ASSIGN_OR_RETURN(auto lines, persons_.Event(*day, rest));
    auto& pending = lines_[*day];
    pending.insert(pending.end(), lines.begin(), lines.end());
    return {};
  }

  std::string TakeOutput() { return std::move(out_); }

 private:
  static Result<CivilDate> ArgDate(const std::vector<std::string>& w, size_t i) {
    if (w.size() <= i) return InvalidArgument(fmt::format("'{}' needs a date", w[0]));
    return CivilDate::Parse(w[i]);
  }

  // The baseline goes into the feed on the start day.
  void Start() {
    if (started_) return;
    started_ = true;
    last_run_ = start_.AddDays(-1);
    lines_[start_] = persons_.BaselineLines(start_);
  }

  Status RunThrough(CivilDate until) {
    Start();
    for (CivilDate day = last_run_.AddDays(1); day <= until; day = day.AddDays(1)) {
      if (auto it = lines_.find(day); it != lines_.end()) {
        std::string text;
        for (const auto& l : it->second) text += l + "\n";
        std::istringstream in(text);
        intake::FeedConsumer consumer(store_, intake::IntakeOptions{"freg", 1000});
        PROAKTIV_ASSIGN_OR_RETURN(auto report, consumer.Consume(in));
        if (report.error) return tl::unexpected(report.error->WithContext(day.ToString()));
      }
      for (const auto& [verb, label, service] : actions_[day]) {
        PROAKTIV_RETURN_IF_ERROR(Act(day, verb, label, service));
      }
      PROAKTIV_ASSIGN_OR_RETURN(auto report, engine_.RunThrough(day));
      PROAKTIV_RETURN_IF_ERROR(Print(report));
      last_run_ = day;
    }
    return {};
  }

  // A citizen's (or delivery's) action on the latest offer of `service` about `label`.
  Status Act(CivilDate day, const std::string& verb, const std::string& label,
             const std::string& service) {
    PROAKTIV_ASSIGN_OR_RETURN(int64_t key, KeyOf(label));
    out_ += fmt::format("{} {} {} {}\n", day.ToString(), verb, label, service);
    if (verb == "opt-out") {
      PROAKTIV_ASSIGN_OR_RETURN(auto report, engine_.SetOptOut(key, service, true, day));
      return Print(report);
    }
    PROAKTIV_ASSIGN_OR_RETURN(const store::OfferRecord* offer, Latest(key, service, label));
    PROAKTIV_ASSIGN_OR_RETURN(store::OfferState to, store::ParseOfferState(verb));
    auto done = engine_.Record(offer->id, to, day, verb == "sent" ? "delivery" : "citizen",
                               verb == "accepted" ? R"({"start_date":"2026-09-01"})" : "");
    if (!done) out_ += "  refused: " + done.error().message + "\n";
    return {};
  }

  // The latest offer of `service` about the person with `key` (kept in latest_).
  Result<const store::OfferRecord*> Latest(int64_t key, const std::string& service,
                                           const std::string& label) {
    PROAKTIV_ASSIGN_OR_RETURN(auto offers, store_.engine().OffersAbout(key, false));
    latest_.reset();
    for (auto& o : offers) {
      if (o.service == service) latest_ = std::move(o);
    }
    if (!latest_) return NotFound(fmt::format("no {} offer about {}", service, label));
    return &*latest_;
  }

  Status History(const std::vector<std::string>& w) {
    if (w.size() != 3) return InvalidArgument("usage: history LABEL SERVICE");
    PROAKTIV_ASSIGN_OR_RETURN(int64_t key, KeyOf(w[1]));
    PROAKTIV_ASSIGN_OR_RETURN(const store::OfferRecord* offer, Latest(key, w[2], w[1]));
    PROAKTIV_ASSIGN_OR_RETURN(auto transitions, store_.engine().Transitions(offer->id));
    out_ += fmt::format("history {} {}:\n", w[1], w[2]);
    for (const auto& t : transitions) {
      out_ += fmt::format("  {} {} → {} v{} ({}){}\n", CivilDate::FromDays(t.day).ToString(),
                          t.from ? store::Name(*t.from) : "-", store::Name(t.to), t.version,
                          t.cause, t.notify ? " tell the citizen" : "");
    }
    return {};
  }

  Result<int64_t> KeyOf(const std::string& label) {
    PROAKTIV_ASSIGN_OR_RETURN(std::string id, persons_.IdOf(label));
    PROAKTIV_ASSIGN_OR_RETURN(auto found, store_.FindPerson(id));
    if (!found) return NotFound(fmt::format("person '{}' is not in the register yet", label));
    labels_[found->key] = label;
    return found->key;
  }

  std::string LabelOf(int64_t key) {
    if (labels_.empty() || !labels_.count(key)) {
      for (const auto& label : persons_.Labels()) (void)KeyOf(label);
    }
    auto it = labels_.find(key);
    return it == labels_.end() ? fmt::format("#{}", key) : it->second;
  }

  std::string Labels(const std::vector<int64_t>& keys) {
    std::string out;
    for (int64_t k : keys) out += (out.empty() ? "" : ",") + LabelOf(k);
    return out;
  }

  Status Print(const engine::EngineReport& report) {
    for (const auto& r : report.records) {
      out_ += fmt::format("{} {} {} {} {}", CivilDate::FromDays(r.day).ToString(), r.service,
                          LabelOf(r.subject_key), r.occurrence, engine::Name(r.outcome));
      if (!r.reason.empty()) out_ += " " + r.reason;
      if (r.outcome == engine::Outcome::kOffered || r.outcome == engine::Outcome::kNoticed ||
          r.outcome == engine::Outcome::kUpdated) {
        PROAKTIV_ASSIGN_OR_RETURN(auto offer, store_.engine().FindOfferById(r.offer_id));
        if (offer) {
          out_ += " to " + Labels(offer->recipients);
          if (offer->deadline_day) {
            out_ += " by " + CivilDate::FromDays(*offer->deadline_day).ToString();
          }
        }
      }
      out_ += "\n";
    }
    return {};
  }

  Status PrintOffers() {
    out_ += "offers:\n";
    for (const auto& label : persons_.Labels()) {
      auto key = KeyOf(label);
      if (!key) continue;
      PROAKTIV_ASSIGN_OR_RETURN(auto offers, store_.engine().OffersAbout(*key, false));
      for (const auto& o : offers) {
        out_ +=
            fmt::format("  {} {} {} {} v{} {} to {}\n", o.service, label, o.occurrence,
                        store::Name(o.kind), o.version, store::Name(o.state), Labels(o.recipients));
      }
    }
    return {};
  }

  Status PrintTasks() {
    out_ += "caseworker tasks:\n";
    PROAKTIV_ASSIGN_OR_RETURN(auto tasks, store_.engine().CaseworkerTasks());
    for (const auto& t : tasks) {
      out_ += fmt::format("  {} {} {} {} {}\n", CivilDate::FromDays(t.day).ToString(), t.service,
                          LabelOf(t.subject_key), t.occurrence, t.reason);
    }
    return {};
  }

  Status Explain(const std::vector<std::string>& w) {
    if (w.size() != 3) return InvalidArgument("usage: explain LABEL SERVICE");
    PROAKTIV_ASSIGN_OR_RETURN(int64_t key, KeyOf(w[1]));
    PROAKTIV_ASSIGN_OR_RETURN(auto offers, store_.engine().OffersAbout(key, false));
    const store::OfferRecord* latest = nullptr;
    for (const auto& o : offers) {
      if (o.service == w[2]) latest = &o;
    }
    if (latest == nullptr) return NotFound(fmt::format("no {} offer about {}", w[2], w[1]));
    auto doc = boost::json::parse(latest->decision_json).as_object();
    const auto& ex = doc["explanation"].as_object();
    out_ += fmt::format("explain {} {} ({} v{}, {})\n", w[1], w[2], store::Name(latest->kind),
                        latest->version, store::Name(latest->state));
    out_ += fmt::format("  legal basis: {}\n", ex.at("legal_basis").at("reference").as_string());
    out_ += fmt::format("  reason: {}: {}\n", ex.at("reason").as_string(),
                        ex.at("reason_text").at("en").as_string());
    for (const auto& [name, value] : ex.at("inputs").as_object()) {
      out_ +=
          fmt::format("  input {} = {}\n", std::string_view(name), boost::json::serialize(value));
    }
    for (const auto& rule : ex.at("rules").as_array()) {
      const auto& r = rule.as_object();
      out_ += fmt::format("  rule {} ({}) row {}: {}\n", r.at("decision").as_string(),
                          r.at("hit_policy").as_string(), boost::json::serialize(r.at("row")),
                          r.at("description").as_string());
      out_ += fmt::format("    on {}\n", boost::json::serialize(r.at("inputs")));
    }
    out_ += fmt::format("  application: {}\n", boost::json::serialize(doc["application"]));
    return {};
  }

  store::RegistryStore& store_;
  const engine::ServiceLibrary& library_;
  engine::OfferEngine engine_;
  ScenarioPersons persons_;
  CivilDate start_ = *CivilDate::Parse("2026-01-01");
  CivilDate last_run_ = start_;
  bool started_ = false;
  std::map<CivilDate, std::vector<std::string>> lines_;
  std::map<CivilDate, std::vector<std::tuple<std::string, std::string, std::string>>> actions_;
  std::optional<store::OfferRecord> latest_;
  std::map<int64_t, std::string> labels_;
  std::string out_;
};

}  // namespace

Result<std::string> RunScenario(const std::string& script, const std::string& services_dir,
                                const std::string& catalog_file, const std::string& work_dir) {
  PROAKTIV_ASSIGN_OR_RETURN(auto catalog, catalog::Catalog::LoadFile(catalog_file));
  PROAKTIV_ASSIGN_OR_RETURN(auto library, engine::LoadLibrary(services_dir, catalog));
  const std::string db = work_dir + "/scenario.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  PROAKTIV_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(db));
  Scenario scenario(*store, library);
  std::istringstream in(script);
  int line_no = 0;
  std::string output;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    auto words = Split(line);
    if (words.empty()) continue;
    if (auto done = scenario.Execute(words); !done) {
      return tl::unexpected(done.error().WithContext(fmt::format("line {}", line_no)));
    }
  }
  return scenario.TakeOutput();
}

}  // namespace proaktiv::golden
