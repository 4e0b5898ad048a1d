package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.detente.scenario.Principals;
import org.detente.scenario.Problem;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioException;
import org.detente.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente validate FILE...}: checks scenario files and reports every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check scenario files: YAML syntax, fields, types, units, references,",
      "probabilities, priors and ranges, and that each policy applies cleanly.",
      "Prints 'FILE: ok (...)' for a valid file, else one line per problem:",
      "  FILE:LINE:COLUMN: field.path: message",
      "A doubtful guess of the principal adversaries (no 'principals:' declared)",
      "is reported as 'FILE: warning: principals: ...' and does not fail the file.",
      "Exit code 0 when all files are valid, 1 when a problem is found,",
      "2 on a usage error."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files.")
  List<Path> files = new ArrayList<>();

  @Mixin SharedOptions.Policies policies;

  @Mixin SharedOptions.Json json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode report = mapper.createObjectNode();
    ArrayNode results = report.putArray("files");
    boolean allValid = true;
    for (Path file : files) {
      List<Problem> problems = ScenarioLoader.validate(file, policies.names());
      Scenario scenario = null;
      if (problems.isEmpty()) {
        try {
          scenario = ScenarioLoader.load(file, policies.names());
        } catch (ScenarioException e) {
          problems = e.problems();
        }
      }
      ObjectNode r = results.addObject();
      r.put("file", file.toString());
      r.put("valid", problems.isEmpty());
      ArrayNode pol = r.putArray("policies");
      policies.names().forEach(pol::add);
      if (problems.isEmpty()) {
        ObjectNode counts = r.putObject("counts");
        counts.put("actors", scenario.actors().size());
        counts.put("theaters", scenario.theaters().size());
        counts.put("relations", scenario.relations().size());
        counts.put("alliances", scenario.alliances().size());
        counts.put("issues", scenario.issues().size());
        counts.put("events", scenario.events().size());
        counts.put("policies", scenario.policies().size());
        counts.put("questions", scenario.questions().size());
        counts.put("parameters", scenario.parameters().size());
        if (!json.value()) {
          out.println(file + ": ok (" + summary(scenario) + ")");
        }
        ArrayNode warnings = r.putArray("warnings");
        for (String w : Principals.of(scenario).warnings()) {
          warnings.add("principals: " + w);
          if (!json.value()) {
            err.println(file + ": warning: principals: " + w);
          }
        }
      } else {
        allValid = false;
        ArrayNode arr = r.putArray("problems");
        for (Problem p : problems) {
          ObjectNode o = arr.addObject();
          o.put("file", p.file());
          o.put("line", p.line());
          o.put("column", p.column());
          o.put("path", p.path());
          o.put("message", p.message());
          if (!json.value()) {
            err.println(p);
          }
        }
      }
    }
    report.put("valid", allValid);
    if (json.value()) {
      try {
        out.println(mapper.writeValueAsString(report));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    out.flush();
    err.flush();
    return allValid ? 0 : 1;
  }

  private static String summary(Scenario s) {
    return s.actors().size() + " actors, " + s.theaters().size() + " theaters, "
        + s.relations().size() + " relations, " + s.alliances().size() + " alliances, "
        + s.issues().size() + " issues, " + s.events().size() + " events, "
        + s.policies().size() + " policies, " + s.questions().size() + " questions, "
        + s.parameters().size() + " parameters";
  }
}
