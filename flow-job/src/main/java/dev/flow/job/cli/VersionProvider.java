package dev.flow.job.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** What {@code flow --version} prints: Flow's and Flink's versions, as the build wrote them. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    Properties p = read();
    return new String[] {
      "Flow " + p.getProperty("flow.version"), "Flink " + p.getProperty("flink.version")
    };
  }

  /** The versions the build wrote into {@code version.properties}. */
  static Properties read() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the flow-job jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
