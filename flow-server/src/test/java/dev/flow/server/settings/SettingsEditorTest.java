package dev.flow.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsEditorTest {
  static final String FLOW =
      "# my flow\nname: x\nsettings:\n  parallelism: 2   # two\n  errors:\n    action: Write to File\n"
          + "    props: {path: errors/, format: json}  # where\n\n  # restarts\n  restart:\n"
          + "    strategy: none\nstages: []\n";

  @Test
  void rewritesAValueKeepingItsComment() {
    assertThat(SettingsEditor.apply(FLOW, Map.of("parallelism", 4)))
        .isEqualTo(FLOW.replace("parallelism: 2   # two", "parallelism: 4   # two"));
  }

  @Test
  void aFlowStyleParentBecomesBlockStyle() {
    assertThat(SettingsEditor.apply(FLOW, Map.of("errors.props.path", "out/errors")))
        .isEqualTo(
            FLOW.replace(
                "    props: {path: errors/, format: json}  # where\n",
                "    props:  # where\n      path: out/errors\n      format: json\n"));
  }

  @Test
  void addsMissingKeysUnderTheirParentAndRemovesNulls() {
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("errors.policy", "STAGE_RECORD");
    set.put("restart.strategy", null);
    set.put("checkpointing.interval", "30s");
    set.put("errors.action", "Log: \"x\"");
    assertThat(SettingsEditor.apply(FLOW, set))
        .isEqualTo(
            "# my flow\nname: x\nsettings:\n  parallelism: 2   # two\n  errors:\n"
                + "    action: \"Log: \\\"x\\\"\"\n"
                + "    props: {path: errors/, format: json}  # where\n    policy: STAGE_RECORD\n\n"
                + "  # restarts\n  restart:\n  checkpointing:\n    interval: 30s\nstages: []\n");
  }

  @Test
  void addsTheSettingsBlockAtTheEnd() {
    assertThat(
            SettingsEditor.apply("name: y\nstages: []\n", Map.of("errors.policy", "STAGE_RECORD")))
        .isEqualTo("name: y\nstages: []\nsettings:\n  errors:\n    policy: STAGE_RECORD\n");
  }
}
