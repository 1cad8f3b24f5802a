package org.jstilt.runtime.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.ConfigException;
import org.jstilt.core.config.ConfigProblem;
import org.jstilt.core.config.MetConfig;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.id.MetId;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorJson;
import org.jstilt.io.config.ConfigLoader;
import org.jstilt.io.config.ReceptorsCsv;
import org.jstilt.runtime.registry.SimulationSpec;

/**
 * A project's inputs, loaded and checked together: the config, the receptors, and that every met stream
 * can be read from where the config says. Loading fails with every problem at once (config keys with
 * file, line and key path; receptor rows with their line; met directories that do not exist), so that
 * nothing is registered or run from a project that cannot run.
 *
 * @param layout where the files are
 * @param config the loaded config.yaml
 * @param receptors the receptors of receptors.csv, in file order
 */
public record Project(ProjectLayout layout, ModelConfig config, List<Receptor> receptors) {

  public Project {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(config, "config");
    receptors = List.copyOf(receptors);
  }

  /**
   * Loads {@code layout}'s config.yaml and receptors.csv (or {@code receptorsFile} instead, if not null),
   * and checks that every met stream's directory exists.
   *
   * @throws StiltException ({@link ErrorCode#CONFIG} when config.yaml or a met directory is wrong,
   *     {@link ErrorCode#INPUT} when only the receptors are) listing every problem found
   */
  public static Project load(ProjectLayout layout, Path receptorsFile) {
    return load(layout, receptorsFile, true);
  }

  /**
   * As {@link #load(ProjectLayout, Path)}; {@code checkMet false} skips the met checks, for commands that
   * only look at outputs ({@code stilt rebuild} after the met archive was moved).
   */
  public static Project load(ProjectLayout layout, Path receptorsFile, boolean checkMet) {
    Path configFile = layout.configFile();
    Path receptorsPath = receptorsFile == null ? layout.receptorsFile() : receptorsFile;
    List<String> problems = new ArrayList<>();
    boolean configProblem = false;
    ModelConfig config = null;
    try {
      config = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      e.problems().forEach(p -> problems.add(p.describe()));
      configProblem = true;
    } catch (StiltException e) {
      problems.add(e.getMessage());
      configProblem = true;
    }
    if (config != null && checkMet) {
      List<ConfigProblem> met = metProblems(config, configFile);
      met.forEach(p -> problems.add(p.describe()));
      configProblem |= !met.isEmpty();
    }
    List<Receptor> receptors = List.of();
    try {
      receptors = ReceptorsCsv.read(receptorsPath);
    } catch (StiltException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      String head = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
      throw new StiltException(configProblem ? ErrorCode.CONFIG : ErrorCode.INPUT,
          head + " in project " + layout.projectDir() + " (nothing was registered or run):\n  "
              + String.join("\n  ", problems.stream().map(p -> p.replace("\n", "\n  ")).toList()));
    }
    return new Project(layout, config, receptors);
  }

  /**
   * Met streams that cannot be used as configured: an archive directory that does not exist, or a
   * download source (JSTILT has no downloader yet). Each is placed at its key's line in config.yaml.
   */
  static List<ConfigProblem> metProblems(ModelConfig config, Path configFile) {
    List<ConfigProblem> found = new ArrayList<>();
    String text = null;
    for (Map.Entry<MetId, MetConfig> e : config.mets().entrySet()) {
      MetConfig m = e.getValue();
      String key = "mets." + e.getKey().name();
      String message = null;
      String at = key + ".directory";
      if (m.sourceMode()) {
        at = key + ".source";
        message = "JSTILT cannot download meteorology (source '" + m.source().orElseThrow() + "'); download the"
            + " ARL files into " + m.directory() + ", remove 'source' and give file_format and file_tres";
      } else if (!Files.isDirectory(m.directory())) {
        message = Files.exists(m.directory())
            ? m.directory() + " is not a directory; point directory at the folder holding the ARL files"
            : m.directory() + " does not exist; point directory at the folder holding this stream's ARL files"
                + " (relative paths are relative to config.yaml), or create it and put the files there";
      }
      if (message != null) {
        if (text == null) {
          text = readQuietly(configFile);
        }
        found.add(ConfigLoader.locate(text, configFile.toString(), at, message));
      }
    }
    return found;
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";  // it was just read by the loader; without the text the problem is placed at line 1
    }
  }

  /**
   * The simulations the project defines: every receptor on every met stream (PYSTILT's
   * {@code register_pending}), in receptor order then met order, each with the configured footprint
   * names and the configured engine. Receptors that give the same simulation id (PYSTILT ids have minute
   * precision) are planned once.
   *
   * @param scene a scene label for all of them, or {@code null}
   */
  public Plan plan(String scene) {
    List<String> footprints = List.copyOf(config.footprints().keySet());
    String engine = config.transport().engine().label();
    Map<SimulationId, SimulationSpec> specs = new LinkedHashMap<>();
    int duplicates = 0;
    for (Receptor r : receptors) {
      String json = ReceptorJson.toJson(r);
      for (MetId met : config.metIds()) {
        SimulationId id = SimulationId.of(met, r);
        if (specs.putIfAbsent(id, new SimulationSpec(id, json, scene, engine, footprints)) != null) {
          duplicates++;
        }
      }
    }
    return new Plan(List.copyOf(specs.values()), duplicates);
  }

  /**
   * What {@link #plan} found.
   *
   * @param simulations one per distinct simulation id
   * @param duplicates receptor x met pairs dropped because an earlier pair had the same id
   */
  public record Plan(List<SimulationSpec> simulations, int duplicates) {}
}
