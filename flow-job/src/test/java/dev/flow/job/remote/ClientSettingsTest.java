package dev.flow.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the client commands take the server, token and project from, in order. */
class ClientSettingsTest {
  @TempDir Path dir;

  @Test
  void flagsBeatTheEnvironmentWhichBeatsTheConfigFile() throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "server: http://file:1\ntoken: file-token\nproject: shop\n");
    Map<String, String> env =
        Map.of(
            "FLOW_CONFIG",
            config.toString(),
            "FLOW_SERVER",
            "http://env:2",
            "FLOW_TOKEN",
            "env-token");
    assertThat(ClientSettings.resolve("http://flag:3", "flag-token", "p", env))
        .isEqualTo(new ClientSettings("http://flag:3", "flag-token", "p", java.util.List.of()));
    assertThat(ClientSettings.resolve(null, null, null, env))
        .isEqualTo(new ClientSettings("http://env:2", "env-token", "shop", java.util.List.of()));
    assertThat(ClientSettings.resolve(null, null, null, Map.of("FLOW_CONFIG", config.toString())))
        .isEqualTo(new ClientSettings("http://file:1", "file-token", "shop", java.util.List.of()));
  }

  @Test
  void withNothingSetTheLocalServerAndTheDefaultProject() {
    ClientSettings s =
        ClientSettings.resolve(null, null, null, Map.of("XDG_CONFIG_HOME", dir.toString()));
    assertThat(s)
        .isEqualTo(new ClientSettings("http://localhost:8090", null, null, java.util.List.of()));
  }

  @Test
  void theConfigFileIsUnderXdgConfigHomeOrHomeDotConfig() {
    assertThat(ClientSettings.configFile(Map.of("XDG_CONFIG_HOME", "/x")))
        .isEqualTo(Path.of("/x/flow/config.yaml"));
    assertThat(ClientSettings.configFile(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "flow", "config.yaml"));
  }

  @Test
  void anUnknownKeyInTheConfigIsALocatedProblem() throws Exception {
    Path config = dir.resolve("flow").resolve("config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "server: http://x:1\nsever: http://y:2\n");
    ClientSettings s =
        ClientSettings.resolve(null, null, null, Map.of("XDG_CONFIG_HOME", dir.toString()));
    assertThat(s.problems())
        .extracting(Problem::format)
        .containsExactly(
            config
                + ":2:1: error: unknown key 'sever' in the client config; known keys: project,"
                + " server, token");
  }
}
