package org.detente.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.events.ActorMapping;
import org.detente.events.ImportTotals;
import org.detente.events.Importer;
import org.detente.events.SyntheticEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detente bench events}: imports a synthetic GDELT 1.0 stream of the given size, made on
 * the fly, and reports rows per second and the heap the import used.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Time 'events import' on a synthetic GDELT 1.0 stream generated on the fly (nothing is"
          + " written to disk): rows and megabytes per second, and the peak heap in use."
          + " Memory stays flat as the stream grows: run it with a small heap"
          + " (DETENTE_JAVA_OPTS=-Xmx64m) and several --gb."
    })
public final class BenchEventsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--gb", defaultValue = "2", paramLabel = "G",
      description = "Size of the stream in GB, 10^9 bytes (default: ${DEFAULT-VALUE}).")
  double gb;

  @Mixin SharedOptions.Seed seedOption = new SharedOptions.Seed(20261206L);

  @Mixin SharedOptions.Json jsonOption;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Override
  public Integer call() throws Exception {
    if (!(gb > 0 && gb <= 1000)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "--gb", "0", 1000, gb);
    }
    SyntheticEvents stream = new SyntheticEvents((long) (gb * 1e9), seedOption.value());
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    Importer imp = new Importer(ActorMapping.ofIds(SyntheticEvents.CODES.subList(0, 6), null),
        null, null, null, LocalDate.of(2022, 3, 21), null);
    long t0 = System.nanoTime();
    try (Progress progress = Progress.start(spec, progressFlags, "bench events", stream.size(),
        " MB", 1L << 20)) {
      imp.read("synthetic", new java.io.FilterInputStream(stream) {
        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            progress.step(n);
          }
          return n;
        }
      });
    }
    double s = (System.nanoTime() - t0) / 1e9;
    long poolPeaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    ImportTotals t = imp.totals();
    long max = Runtime.getRuntime().maxMemory();
    PrintWriter out = spec.commandLine().getOut();
    if (jsonOption.value()) {
      ObjectNode o = AnalysisSupport.mapper().createObjectNode();
      o.put("command", "bench events");
      o.put("bytes", stream.size());
      o.put("rows", t.rowsRead());
      o.put("kept", t.kept());
      o.put("malformed", t.malformed());
      o.put("cells", imp.series().cells().size());
      o.put("seconds", s);
      o.put("rowsPerSecond", t.rowsRead() / s);
      o.put("megabytesPerSecond", stream.size() / 1e6 / s);
      o.put("peakHeapPoolsBytes", poolPeaks);
      o.put("maxHeapBytes", max);
      out.println(AnalysisSupport.mapper().writeValueAsString(o));
    } else {
      out.println(String.format(Locale.ROOT, "bench events: %.2f GB synthetic GDELT 1.0 stream,"
          + " %,d rows (%,d kept for 6 actors, %,d malformed), %,d weekly cells",
          stream.size() / 1e9, t.rowsRead(), t.kept(), t.malformed(),
          imp.series().cells().size()));
      out.println(String.format(Locale.ROOT, "  %.1f s: %,.0f rows/s, %.0f MB/s", s,
          t.rowsRead() / s, stream.size() / 1e6 / s));
      out.println(String.format(Locale.ROOT, "  peak heap in use %.0f MB (sum of the heap pools'"
          + " peaks, an upper bound) of a %.0f MB maximum heap", poolPeaks / 1e6, max / 1e6));
    }
    out.flush();
    return 0;
  }
}
