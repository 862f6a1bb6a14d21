#include "common/logging.h"

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include <gtest/gtest.h>

namespace proaktiv {
namespace {

TEST(LoggingTest, RedactsElevenDigitRunsOnly) {
  EXPECT_EQ(RedactIdentityNumbers("person 13097248022 moved"), "person 130972***** moved");
  EXPECT_EQ(RedactIdentityNumbers("13097248022,03851598730"), "130972*****,038515*****");
  EXPECT_EQ(RedactIdentityNumbers("seq 1234567890 and 123456789012"),
            "seq 1234567890 and 123456789012");
}

TEST(LoggingTest, LoggerMasksWhatSlipsIntoAMessage) {
  std::ostringstream out;
  auto logger = MakeRedactingLogger("t", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_pattern("%v");
  logger->info("applied event for {}", "13097248022");
  logger->flush();
  EXPECT_EQ(out.str(), "applied event for 130972*****\n");
}

}  // namespace
}  // namespace proaktiv
