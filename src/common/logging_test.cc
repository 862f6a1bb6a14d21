#include "common/logging.h"

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include <gtest/gtest.h>

namespace proaktiv {
namespace {

TEST(LoggingTest, RedactsRunsOfElevenDigitsOrMore) {
  EXPECT_EQ(RedactIdentityNumbers("person 13097248022 moved"), "person 130972***** moved");
  EXPECT_EQ(RedactIdentityNumbers("13097248022,03851598730"), "130972*****,038515*****");
  EXPECT_EQ(RedactIdentityNumbers("entity 'x13097248022y': unknown"),
            "entity 'x130972*****y': unknown");
  // A number inside a longer run of digits is masked too.
  EXPECT_EQ(RedactIdentityNumbers("seq 1234567890 and 123456789012"),
            "seq 1234567890 and 123456******");
  EXPECT_EQ(RedactIdentityNumbers("13097248022 and 010190123451234"),
            "130972***** and 010190*********");
  // Shorter runs (sequence numbers, dates, fact ids) stay as they are.
  EXPECT_EQ(RedactIdentityNumbers("entry 6693505 on 2024-06-20: fact 1234567890"),
            "entry 6693505 on 2024-06-20: fact 1234567890");
  EXPECT_EQ(RedactIdentityNumbers(""), "");
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
