package dev.flow.job.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.job.cli.FlowCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log events written in a stage carry the flow and the stage as context data (MDC), and what a
 * custom stage prints to stdout and stderr becomes log events of that stage, not output.
 */
class StageLogITCase {

  @TempDir Path tmp;

  /** Keeps the events of the loggers it is attached to. */
  static final class Recording extends AbstractAppender {
    final List<String> lines = new CopyOnWriteArrayList<>();

    Recording() {
      super("recording", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent e) {
      lines.add(
          e.getLoggerName()
              + " "
              + e.getLevel()
              + " flow="
              + e.getContextData().getValue("flow")
              + " stage="
              + e.getContextData().getValue("stage")
              + " "
              + e.getMessage().getFormattedMessage());
    }
  }

  @Test
  void stageLogsCarryFlowAndStageAndPrintedLinesBecomeLogEvents() throws Exception {
    Path flow = tmp.resolve("printing.yaml");
    Files.writeString(
        flow,
        """
        name: Printing
        stages:
          - name: in
            action: Inline Records
            props: {records: [{id: 1}, {id: 2}]}
            out: [shout]
          - name: shout
            action: dev.flow.job.log.PrintingTransformFactory
            out: [print]
          - {name: print, action: Log}
        """);
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Recording recording = new Recording();
    recording.start();
    var config = ctx.getConfiguration();
    String[] loggers = {
      "dev.flow.stage.stdout", "dev.flow.stage.stderr", PrintingTransformFactory.class.getName()
    };
    for (String name : loggers) {
      var lc = new org.apache.logging.log4j.core.config.LoggerConfig(name, Level.INFO, false);
      lc.addAppender(recording, Level.INFO, null);
      config.addLogger(name, lc);
    }
    ctx.updateLoggers();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = FlowCli.execute("run", "--no-progress", flow.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      for (String name : loggers) {
        config.removeLogger(name);
      }
      ctx.updateLoggers();
    }
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(stdout).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("careful");
    assertThat(recording.lines)
        .containsExactly(
            "dev.flow.stage.stdout INFO flow=Printing stage=shout hello 1",
            "dev.flow.stage.stderr WARN flow=Printing stage=shout careful 1",
            PrintingTransformFactory.class.getName() + " INFO flow=Printing stage=shout seen 1",
            "dev.flow.stage.stdout INFO flow=Printing stage=shout hello 2",
            "dev.flow.stage.stderr WARN flow=Printing stage=shout careful 2",
            PrintingTransformFactory.class.getName() + " INFO flow=Printing stage=shout seen 2");
  }
}
