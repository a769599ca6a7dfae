package dev.flow.parse;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a source file as UTF-8 text within a size limit, turning failures into problems. */
final class SourceFiles {

  /** The text of a file, or the problem that kept it from being read. */
  record Text(String text, Problem problem) {}

  private SourceFiles() {}

  static Text read(Path file, int maxBytes) {
    String source = file.toString();
    Location where = new Location(source, 0, 0);
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return new Text(null, YamlReader.tooLarge(source, size, maxBytes));
      }
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Text(text, null);
    } catch (NoSuchFileException e) {
      return new Text(null, Problem.error(where, null, "the file does not exist"));
    } catch (CharacterCodingException e) {
      return new Text(null, Problem.error(where, null, "the file is not UTF-8 text"));
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Text(null, Problem.error(where, null, "the file cannot be read: " + why));
    }
  }
}
