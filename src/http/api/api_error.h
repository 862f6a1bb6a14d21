#pragma once

// Errors of the API handlers as values: an HTTP status, a stable problem `code` and a `detail`
// sentence, turned into an RFC 9457 problem document (http::Response::Problem) at the edge.
//
//   ApiResult<Citizen> citizen = IdentifyCitizen(context, store);
//   if (!citizen) return ToResponse(citizen.error());
//
// PROAKTIV_API_ASSIGN_OR_RETURN / PROAKTIV_API_RETURN_IF_ERROR work on both Result<T> (a
// storage or engine Error, mapped by FromError) and ApiResult<T> inside functions that return
// an ApiResult. Details never hold an identity number: FromError redacts any that slipped into a
// message (common/logging.h). Stateless; thread-safe.

#include <string>
#include <utility>

#include <tl/expected.hpp>

#include "common/result.h"
#include "http/message.h"

namespace proaktiv::http::api {

struct ApiError {
  int status = 500;
  std::string code;    // "not-found", "unknown-person", "already-answered", "invalid-body", …
  std::string detail;  // for people; names what was wrong
};

template <typename T>
using ApiResult = tl::expected<T, ApiError>;
using ApiStatus = tl::expected<void, ApiError>;

inline tl::unexpected<ApiError> Fail(int status, std::string code, std::string detail) {
  return tl::unexpected<ApiError>(ApiError{status, std::move(code), std::move(detail)});
}

// A storage or engine error: NotFound → 404 "not-found", InvalidArgument → 422 "invalid-body",
// FailedPrecondition → 409 "conflict", Unavailable → 503 "unavailable", others → 500
// "internal". The detail is the error's message with identity numbers redacted.
ApiError FromError(const Error& error);
inline ApiError FromError(const ApiError& error) { return error; }

Response ToResponse(const ApiError& error);

}  // namespace proaktiv::http::api

#define PROAKTIV_API_RETURN_IF_ERROR(expr)                                 \
  do {                                                                     \
    if (auto proaktiv_api_status_ = (expr); !proaktiv_api_status_) {       \
      return tl::unexpected<::proaktiv::http::api::ApiError>(              \
          ::proaktiv::http::api::FromError(proaktiv_api_status_.error())); \
    }                                                                      \
  } while (false)

#define PROAKTIV_API_ASSIGN_OR_RETURN(lhs, expr) \
  PROAKTIV_API_ASSIGN_OR_RETURN_IMPL(PROAKTIV_CONCAT(proaktiv_api_result_, __LINE__), lhs, expr)
#define PROAKTIV_API_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)  \
  auto tmp = (expr);                                        \
  if (!tmp) {                                               \
    return tl::unexpected<::proaktiv::http::api::ApiError>( \
        ::proaktiv::http::api::FromError(tmp.error()));     \
  }                                                         \
  lhs = std::move(*tmp)
