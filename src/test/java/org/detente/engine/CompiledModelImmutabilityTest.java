package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.detente.scenario.Channel;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The compiled model does not change once compiled: runs leave every array of every part as
 * compilation made it, and the model's public methods that return an array return a copy (the
 * fields and accessors themselves are checked by ArchitectureTest).
 */
class CompiledModelImmutabilityTest {

  /** Every field of every part of the model (the engine classes of its fields), as text. */
  private static Map<String, String> contents(CompiledModel m) throws IllegalAccessException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Field pf : CompiledModel.class.getDeclaredFields()) {
      if (Modifier.isStatic(pf.getModifiers())) {
        continue;
      }
      pf.setAccessible(true);
      Object part = pf.get(m);
      out.put(pf.getName(), text(part));
      if (part == null || !part.getClass().getPackageName().equals("org.detente.engine")) {
        continue;
      }
      for (Field f : part.getClass().getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        out.put(pf.getName() + "." + f.getName(), text(f.get(part)));
      }
    }
    return out;
  }

  private static String text(Object v) {
    return v instanceof Object[] a ? Arrays.deepToString(a)
        : v != null && v.getClass().isArray() ? Arrays.deepToString(new Object[] {v})
        : String.valueOf(v);
  }

  @Test
  void runsLeaveEveryPartAsCompiled() throws Exception {
    List<CompiledModel> models = new ArrayList<>();
    Scenario usRussia = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"));
    models.add(EngineFixtures.compile(usRussia));
    models.add(EngineFixtures.compile(EngineFixtures.fearon(true, Channel.OPEN)));
    for (CompiledModel m : models) {
      Map<String, String> before = contents(m);
      assertThat(before).containsKeys("theaters.control0", "actors.forces0", "types.typePrior",
          "motives.uSq", "relations.hostility0", "casualties.nucDeaths");
      Simulator sim = new Simulator(m);
      for (int i = 0; i < 30; i++) {
        sim.run(11, i);
      }
      Map<String, String> after = contents(m);
      List<String> changed = new ArrayList<>();
      for (Map.Entry<String, String> e : before.entrySet()) {
        if (!e.getValue().equals(after.get(e.getKey()))) {
          changed.add(e.getKey());
        }
      }
      assertThat(changed).as("fields of the model changed by runs").isEmpty();
    }
  }

  @Test
  void arraysTheModelReturnsAreCopies() throws Exception {
    CompiledModel m = EngineFixtures.compile(EngineFixtures.fearon(true, Channel.OPEN));
    int checked = 0;
    for (Method f : CompiledModel.class.getMethods()) {
      if (!f.getReturnType().isArray() || f.getParameterCount() != 0
          || Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      double[] first = (double[]) f.invoke(m);
      double[] kept = first.clone();
      Arrays.fill(first, -1);
      double[] second = (double[]) f.invoke(m);
      assertThat(second).as(f.getName()).isNotSameAs(first).containsExactly(kept);
      checked++;
    }
    assertThat(checked).isEqualTo(2); // statusQuo, focalDeal
  }
}
