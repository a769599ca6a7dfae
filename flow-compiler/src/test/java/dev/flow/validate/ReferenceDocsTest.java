package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDocsTest {

  private final String docs = new ReferenceDocs(ActionRegistry.load()).generate();

  @Test
  void oneSectionPerActionWithAPropsTable() {
    assertThat(docs)
        .contains(
            """
            ## Test Source

            *Trigger* · also `Test Origin`

            Emits test records.

            | Prop | Type | Default | Required | Description |
            |---|---|---|---|---|
            | `count` | whole number | `10` | no | How many records to emit. |
            | `interval` | duration | `1s` | no | Pause between records. |
            | `record` | any |  | no | The record to emit, as JSON. |
            """)
        .contains(
            """
            | `field` | string |  | yes | The field to change. |
            | `mode` | one of: upper, lower, keep-as-is | `upper` | no | How to change it. |
            | `tags` | list of string |  | no | Labels to add. |
            | `weights` | mapping of whole number |  | no | Weights by name. |
            | `retry` | mapping |  | no | Retries. |
            | `retry.maxAttempts` | whole number | `3` | no | Attempts before giving up. |
            | `retry.backoff` | duration | `500ms` | no | First delay between attempts. |
            | `token` | string |  | no | An API token. Secret: never shown. |
            """)
        .contains(
            """
            ## Props of every stage

            `retry` is on by default: a transform that processes one record at a time tries a\
             record that fails transiently (I/O, a timeout, a transient SQL error, a\
             `TransientStageException`) 3 times in all, waiting 1s, then 2s, from the record as it\
             came in; a record that still fails goes to the error stage with `(after 3 attempts)`\
             in its message, and any other failure goes there at once. An action that retries by\
             its own props says so above, and `retry` does not apply to it. `retry: {attempts: 1}`\
             turns retries off.

            | Prop | Type | Default | Required | Description |
            |---|---|---|---|---|
            | `parallelism` | whole number, 1 or more |  | no | How many parallel instances run this stage;\
             settings.parallelism when absent. |
            """);
  }

  @Test
  void fieldPathsAndLimitsAreNamedInTheTypeColumn() {
    assertThat(docs)
        .contains(
            "| `keep` | list of field path |  | no | Paths to keep; every other field is removed.",
            "| `rename` | mapping of field path to field path |  | no | Path → new path;",
            "| `fields` | mapping of field path to expression |  | yes | Fields to compute:",
            "| `ttl` | duration, 1ms or more | `1h` | no |");
  }

  @Test
  void flowSettingsAreListedWithNestedRows() {
    assertThat(docs)
        .contains("\n## Flow settings\n")
        .contains(
            "| `checkpointing.interval` | duration | `10s` | no | Time between checkpoints. |\n")
        .contains(
            "| `errors.policy` | one of: original-record, stage-record | `ORIGINAL_RECORD` | no |"
                + " ORIGINAL_RECORD or STAGE_RECORD: which form of a failed record to keep. |\n");
  }

  @Test
  void actionsComeByKindThenName() {
    assertThat(docs.indexOf("## Test Source"))
        .isLessThan(docs.indexOf("## Test Transform"))
        .isPositive();
    assertThat(docs.indexOf("## Test Transform")).isLessThan(docs.indexOf("## Test Sink"));
    assertThat(docs).contains("## Test Sink\n\n*Publisher*\n\nKeeps records, for tests.\n");
  }
}
