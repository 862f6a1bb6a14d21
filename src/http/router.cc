#include "http/router.h"

#include <algorithm>

namespace proaktiv::http {
namespace {

// Walks the '/'-separated, non-empty segments of a path without allocating: "/a//b/" gives
// "a", "b".
class SegmentCursor {
 public:
  explicit SegmentCursor(std::string_view path) : rest_(path) {}

  // The next segment, or false at the end.
  bool Next(std::string_view& segment) {
    while (!rest_.empty() && rest_.front() == '/') rest_.remove_prefix(1);
    if (rest_.empty()) return false;
    const size_t end = std::min(rest_.find('/'), rest_.size());
    segment = rest_.substr(0, end);
    rest_.remove_prefix(end);
    return true;
  }

 private:
  std::string_view rest_;
};

bool IsParameter(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// How well `pattern` matches `path`: -1 for no match, else the number of literal segments
// (more literals = more specific). Fills `params` (cleared first). Does not allocate unless
// `params` grows.
int Score(std::string_view pattern, std::string_view path,
          std::vector<std::pair<std::string_view, std::string_view>>& params) {
  params.clear();
  SegmentCursor parts(pattern);
  SegmentCursor segments(path);
  int literals = 0;
  std::string_view part;
  std::string_view segment;
  while (true) {
    const bool has_part = parts.Next(part);
    const bool has_segment = segments.Next(segment);
    if (has_part != has_segment) return -1;
    if (!has_part) return literals;
    if (IsParameter(part)) {
      params.emplace_back(part.substr(1, part.size() - 2), segment);
    } else if (part == segment) {
      ++literals;
    } else {
      return -1;
    }
  }
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
  Match best;
  int best_score = -1;
  std::vector<std::pair<std::string_view, std::string_view>> params;
  for (const Route& route : routes_) {
    const int score = Score(route.pattern, path, params);
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
      best.params.swap(params);  // `params` is cleared by the next Score
    }
  }
  if (best.route != nullptr) {
    best.allowed.clear();
  } else if (std::find(best.allowed.begin(), best.allowed.end(), Method::kGet) !=
                 best.allowed.end() &&
             std::find(best.allowed.begin(), best.allowed.end(), Method::kHead) ==
                 best.allowed.end()) {
    best.allowed.push_back(Method::kHead);  // a GET route also answers HEAD
  }
  return best;
}

}  // namespace proaktiv::http
