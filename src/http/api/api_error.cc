#include "http/api/api_error.h"

#include "common/logging.h"

namespace proaktiv::http::api {

ApiError FromError(const Error& error) {
  std::string detail = RedactIdentityNumbers(error.message);
  switch (error.code) {
    case ErrorCode::kNotFound:
      return {404, "not-found", std::move(detail)};
    case ErrorCode::kInvalidArgument:
      return {422, "invalid-body", std::move(detail)};
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kAlreadyExists:
      return {409, "conflict", std::move(detail)};
    case ErrorCode::kUnavailable:
      return {503, "unavailable", std::move(detail)};
    default:
      return {500, "internal", std::move(detail)};
  }
}

Response ToResponse(const ApiError& error) {
  return Response::Problem(error.status, error.code, error.detail);
}

}  // namespace proaktiv::http::api
