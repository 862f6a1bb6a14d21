#include "http/api/language.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "common/logging.h"

namespace proaktiv::http::api {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The language a tag ("nb-NO", "no", "en-GB") stands for, or nullopt.
std::optional<std::string> FromTag(std::string_view tag) {
  const std::string lower = Lower(tag);
  const std::string primary = lower.substr(0, lower.find('-'));
  if (primary == "nb" || primary == "no") return "nb";
  if (primary == "nn") return "nn";
  if (primary == "en") return "en";
  return std::nullopt;
}

// The q value of a range's parameters (";q=0.8"); 1 when absent, 0 when malformed.
double Quality(std::string_view params) {
  while (!params.empty()) {
    const size_t semi = params.find(';');
    std::string_view p = Trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    if (p.size() < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=') continue;
    std::string_view v = Trim(p.substr(2));
    // RFC 9110 qvalue: 0, 0.xyz, 1, 1.000.
    if (v.empty() || (v[0] != '0' && v[0] != '1')) return 0;
    double q = v[0] - '0';
    double scale = 0.1;
    for (size_t i = 2; i < v.size() && i < 5; ++i) {
      if (v[i] < '0' || v[i] > '9') return 0;
      q += (v[i] - '0') * scale;
      scale /= 10;
    }
    return std::min(q, 1.0);
  }
  return 1;
}

}  // namespace

bool IsLanguage(std::string_view language) {
  return language == "nb" || language == "nn" || language == "en";
}

std::optional<std::string> LanguageFromAcceptLanguage(std::string_view header) {
  struct Candidate {
    double quality;
    size_t order;
    std::string language;
  };
  std::vector<Candidate> candidates;
  size_t order = 0;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view range = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const size_t semi = range.find(';');
    std::string_view tag = Trim(range.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : Quality(range.substr(semi + 1));
    if (q <= 0) continue;
    if (auto language = FromTag(tag)) candidates.push_back({q, order++, std::move(*language)});
  }
  if (candidates.empty()) return std::nullopt;
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.quality > b.quality; });
  return candidates.front().language;
}

ApiResult<std::string> ChooseLanguage(const Request& request,
                                      const std::optional<std::string>& stored) {
  if (auto lang = request.QueryParam("lang")) {
    if (!IsLanguage(*lang)) {
      return Fail(400, "invalid-parameter",
                  fmt::format("lang '{}' is not a language of the portal; use nb, nn or en",
                              RedactIdentityNumbers(lang->substr(0, 16))));
    }
    return *lang;
  }
  if (stored && IsLanguage(*stored)) return *stored;
  if (auto accepted = LanguageFromAcceptLanguage(request.Header("accept-language"))) {
    return *accepted;
  }
  return std::string("nb");
}

}  // namespace proaktiv::http::api
