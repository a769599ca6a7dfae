package dev.flow.job.cli;

import dev.flow.parse.ParameterSets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masks the values of the secret parameters of the given parameter set files in text a command
 * prints, for output built from records (preview), where an expression may have copied a secret
 * into a field.
 */
final class SecretMask {
  static final String MASK = "******";

  private final List<String> secrets;

  private SecretMask(List<String> secrets) {
    this.secrets = secrets;
  }

  /** The mask of the secret values in {@code paramFiles}; files that do not load are skipped. */
  static SecretMask of(List<Path> paramFiles) {
    List<String> values = new ArrayList<>();
    if (paramFiles != null && !paramFiles.isEmpty()) {
      ParameterSets sets = ParameterSets.load(paramFiles).sets();
      if (sets != null) {
        for (String set : sets.setNames()) {
          for (String name : sets.names(set)) {
            ParameterSets.Parameter p = sets.get(set, name);
            if (p != null && p.secret() && p.value() != null && !p.value().isEmpty()) {
              values.add(p.value());
            }
          }
        }
      }
    }
    // Longest first, so a secret that contains another is masked whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretMask(values);
  }

  /** {@code text} with every secret value replaced by {@link #MASK}. */
  String apply(String text) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return out;
  }
}
