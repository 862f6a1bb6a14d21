#include "http/router.h"

#include <algorithm>

namespace proaktiv::http {
namespace {

// Splits "/a/b/c" into {"a", "b", "c"}; "/" gives {}.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const size_t end = std::min(path.find('/', i), path.size());
    out.push_back(path.substr(i, end - i));
    i = end;
  }
  return out;
}

bool IsParameter(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// How well `pattern` matches `segments`: -1 for no match, else the number of literal segments
// (more literals = more specific). Fills `params`.
int Score(std::string_view pattern, const std::vector<std::string_view>& segments,
          std::vector<std::pair<std::string_view, std::string_view>>& params) {
  const std::vector<std::string_view> parts = Segments(pattern);
  if (parts.size() != segments.size()) return -1;
  params.clear();
  int literals = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (IsParameter(parts[i])) {
      params.emplace_back(parts[i].substr(1, parts[i].size() - 2), segments[i]);
    } else if (parts[i] == segments[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return literals;
}

}  // namespace

std::string_view RouteContext::Param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

void Router::Add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  routes_.push_back(Route{method, std::move(pattern), std::move(handler), std::move(options)});
}

Router::Match Router::Find(Method method, std::string_view path) const {
  const std::vector<std::string_view> segments = Segments(path);
  Match best;
  int best_score = -1;
  std::vector<std::pair<std::string_view, std::string_view>> params;
  for (const Route& route : routes_) {
    const int score = Score(route.pattern, segments, params);
    if (score < 0) continue;
    // HEAD is served by GET routes.
    const bool method_matches =
        route.method == method || (method == Method::kHead && route.method == Method::kGet);
    if (!method_matches) {
      if (std::find(best.allowed.begin(), best.allowed.end(), route.method) == best.allowed.end()) {
        best.allowed.push_back(route.method);
      }
      continue;
    }
    if (score > best_score) {
      best_score = score;
      best.route = &route;
      best.params = params;
    }
  }
  if (best.route != nullptr) best.allowed.clear();
  return best;
}

}  // namespace proaktiv::http
