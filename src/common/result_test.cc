#include "common/result.h"

#include <gtest/gtest.h>

namespace proaktiv {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("x=" + std::to_string(x) + " is odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  PROAKTIV_ASSIGN_OR_RETURN(int half, Half(x));
  PROAKTIV_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

Status CheckEven(int x) {
  PROAKTIV_RETURN_IF_ERROR(Half(x));
  return {};
}

TEST(ResultTest, PropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  auto bad = Quarter(6);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message, "x=3 is odd");
  EXPECT_EQ(bad.error().ToString(), "invalid argument: x=3 is odd");
  EXPECT_TRUE(CheckEven(4));
  EXPECT_FALSE(CheckEven(5));
}

TEST(ResultTest, WithContextPrefixesTheMessage) {
  Error e{ErrorCode::kNotFound, "no such person"};
  EXPECT_EQ(e.WithContext("entry 12").message, "entry 12: no such person");
  EXPECT_EQ(e.WithContext("entry 12").code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace proaktiv
