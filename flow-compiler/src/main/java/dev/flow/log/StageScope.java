package dev.flow.log;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow and stage whose code a thread runs now, for the log: a logging back end adds them to
 * every event as the structured fields {@code flow} and {@code stage} (see {@link #flow()} and
 * {@link #stage()}), and what a stage prints to {@code System.out} or {@code System.err} becomes a
 * log line of that stage. Entering and leaving are two field writes, cheap enough for every record.
 */
public final class StageScope {
  private static final ThreadLocal<StageScope> CURRENT = ThreadLocal.withInitial(StageScope::new);

  private String flow;
  private String stage;
  private boolean logging;

  private StageScope() {}

  /** This thread's scope; keep it, as a stage's operator runs on one thread. */
  public static StageScope current() {
    installCapture();
    return CURRENT.get();
  }

  /** This thread's flow, or null outside a stage. */
  public static String currentFlow() {
    return CURRENT.get().flow;
  }

  /** This thread's stage, or null outside a stage. */
  public static String currentStage() {
    return CURRENT.get().stage;
  }

  public String flow() {
    return flow;
  }

  public String stage() {
    return stage;
  }

  /** Enters {@code stage}; returns the stage it was in, for {@link #leave}. */
  public String enter(String flowName, String stageName) {
    String was = stage;
    flow = flowName;
    stage = stageName;
    return was;
  }

  /** Goes back to {@code previous} (null: outside every stage). */
  public void leave(String previous) {
    stage = previous;
    if (previous == null) {
      flow = null;
    }
  }

  /**
   * Sends what a stage prints to the log; outside a stage, printing is unchanged. Wraps the streams
   * again when someone replaced them since.
   */
  private static synchronized void installCapture() {
    if (Boolean.getBoolean("flow.log.noCapture")) {
      return;
    }
    if (!(System.out instanceof Captured)) {
      System.setOut(
          new Captured(System.out, LoggerFactory.getLogger("dev.flow.stage.stdout"), false));
    }
    if (!(System.err instanceof Captured)) {
      System.setErr(
          new Captured(System.err, LoggerFactory.getLogger("dev.flow.stage.stderr"), true));
    }
  }

  /**
   * A print stream that writes through to the stream it replaced, except on a thread inside a
   * stage, where each line becomes a log event of that stage.
   */
  static final class Captured extends PrintStream {
    private final PrintStream original;
    private final Logger log;
    private final boolean warn;
    private final ThreadLocal<StringBuilder> pending = ThreadLocal.withInitial(StringBuilder::new);

    Captured(PrintStream original, Logger log, boolean warn) {
      super(original, true, StandardCharsets.UTF_8);
      this.original = original;
      this.log = log;
      this.warn = warn;
    }

    /** The stream printing goes to outside a stage. */
    PrintStream original() {
      return original;
    }

    private boolean inStage() {
      StageScope scope = CURRENT.get();
      return scope.stage != null && !scope.logging; // a logger that prints here writes through
    }

    @Override
    public void write(int b) {
      if (!inStage()) {
        original.write(b);
        return;
      }
      StringBuilder line = pending.get();
      if (b == '\n') {
        emit(line);
      } else {
        line.append((char) b);
      }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      if (!inStage()) {
        original.write(buf, off, len);
        return;
      }
      String text = new String(buf, off, len, StandardCharsets.UTF_8);
      StringBuilder line = pending.get();
      int start = 0;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        line.append(text, start, i);
        emit(line);
        start = i + 1;
      }
      line.append(text, start, text.length());
    }

    @Override
    public void flush() {
      if (!inStage()) {
        original.flush();
      }
    }

    private void emit(StringBuilder line) {
      int end = line.length();
      if (end > 0 && line.charAt(end - 1) == '\r') {
        end--;
      }
      String text = line.substring(0, end);
      line.setLength(0);
      StageScope scope = CURRENT.get();
      scope.logging = true;
      try {
        if (warn) {
          log.warn("{}", text);
        } else {
          log.info("{}", text);
        }
      } finally {
        scope.logging = false;
      }
    }

    @Override
    public void write(byte[] buf) {
      write(buf, 0, buf.length);
    }
  }
}
