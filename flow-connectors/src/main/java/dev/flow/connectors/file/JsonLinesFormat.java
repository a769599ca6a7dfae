package dev.flow.connectors.file;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.RunIds;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;

/**
 * Reads a file of JSON lines into records, one per non-blank line, without parsing them: a line
 * that is not a JSON object is checked, and sent to the error stage with its text, after the
 * trigger. All records of one file share a run id.
 */
final class JsonLinesFormat extends SimpleStreamFormat<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final int maxLineBytes;
  private final RunIds runIds = new RunIds();

  JsonLinesFormat(int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public StreamFormat.Reader<FlowRecord> createReader(Configuration config, FSDataInputStream in) {
    return createReader(in, null);
  }

  StreamFormat.Reader<FlowRecord> createReader(FSDataInputStream in, String file) {
    return new Reader(in, maxLineBytes, runIds.next(), System.currentTimeMillis(), file);
  }

  /**
   * This format as the file source reads it, split by split, so that each record also names its
   * file ({@code meta.file}): a local file as a plain path, any other by its URI.
   */
  BulkFormat<FlowRecord, FileSourceSplit> withFileNames() {
    return new PerFile(this);
  }

  /** The path as records name it. */
  static String fileName(Path path) {
    String scheme = path.toUri().getScheme();
    return scheme == null || "file".equals(scheme) ? path.toUri().getPath() : path.toString();
  }

  private static final class PerFile implements BulkFormat<FlowRecord, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private final JsonLinesFormat lines;

    PerFile(JsonLinesFormat lines) {
      this.lines = lines;
    }

    private StreamFormatAdapter<FlowRecord> adapter(FileSourceSplit split) {
      String file = fileName(split.path());
      return new StreamFormatAdapter<>(
          new SimpleStreamFormat<FlowRecord>() {
            private static final long serialVersionUID = 1L;

            @Override
            public StreamFormat.Reader<FlowRecord> createReader(
                Configuration config, FSDataInputStream in) {
              return lines.createReader(in, file);
            }

            @Override
            public TypeInformation<FlowRecord> getProducedType() {
              return FlowRecordTypeInfo.INSTANCE;
            }
          });
    }

    @Override
    public BulkFormat.Reader<FlowRecord> createReader(Configuration config, FileSourceSplit split)
        throws IOException {
      return adapter(split).createReader(config, split);
    }

    @Override
    public BulkFormat.Reader<FlowRecord> restoreReader(Configuration config, FileSourceSplit split)
        throws IOException {
      return adapter(split).restoreReader(config, split);
    }

    @Override
    public boolean isSplittable() {
      return false;
    }

    @Override
    public TypeInformation<FlowRecord> getProducedType() {
      return FlowRecordTypeInfo.INSTANCE;
    }
  }

  @Override
  public TypeInformation<FlowRecord> getProducedType() {
    return FlowRecordTypeInfo.INSTANCE;
  }

  /** Reads lines as bytes: {@code \n} or {@code \r\n} ends a line; blank lines are skipped. */
  static final class Reader implements StreamFormat.Reader<FlowRecord> {
    private final InputStream in;
    private final int max;
    private final String runId;
    private final long startedAt;
    private final String file;
    private byte[] buf = new byte[256];
    private long line;
    private long position;

    Reader(InputStream in, int maxLineBytes, String runId, long startedAt) {
      this(in, maxLineBytes, runId, startedAt, null);
    }

    Reader(InputStream in, int maxLineBytes, String runId, long startedAt, String file) {
      this.file = file;
      this.in = new BufferedInputStream(in, 64 * 1024);
      this.max = maxLineBytes;
      this.runId = runId;
      this.startedAt = startedAt;
    }

    @Override
    public FlowRecord read() throws IOException {
      while (true) {
        int len = 0;
        long start = position;
        int b = in.read();
        if (b < 0) {
          return null;
        }
        line++;
        position++;
        while (b >= 0 && b != '\n') {
          if (len < max) {
            if (len == buf.length) {
              buf = Arrays.copyOf(buf, Math.min(max, buf.length * 2));
            }
            buf[len++] = (byte) b;
          }
          b = in.read();
          if (b >= 0) {
            position++;
          }
        }
        if (len > 0 && buf[len - 1] == '\r') {
          len--;
        }
        if (!isBlank(buf, len)) {
          byte[] bytes = Arrays.copyOf(buf, len);
          FlowRecord r =
              FlowRecord.ofJsonBytes(bytes).original(bytes).runId(runId).triggerTime(startedAt);
          var meta = r.metaForWrite();
          if (file != null) {
            meta.put("file", file);
          }
          meta.put("line", line).put("byteOffset", start);
          return r;
        }
      }
    }

    private static boolean isBlank(byte[] b, int len) {
      for (int i = 0; i < len; i++) {
        if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
