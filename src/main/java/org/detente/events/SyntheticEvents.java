package org.detente.events;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic GDELT 1.0 event stream generated on the fly (nothing is written to disk), for the
 * import benchmark: a block of distinct well-formed rows (58 fields) with actors drawn from
 * twelve country codes, CAMEO codes from every root with GDELT's quad class and a Goldstein
 * value, dates over two years from 2022-03-21, repeated until the stream has the requested
 * size (ending on a whole row).
 */
public final class SyntheticEvents extends InputStream {

  /** Country codes drawn for the two actors (the first six are the benchmark's actors). */
  public static final List<String> CODES = List.of("USA", "RUS", "UKR", "CHN", "POL", "DEU",
      "FRA", "GBR", "IND", "TUR", "JPN", "IRN");

  private static final int BLOCK_ROWS = 8192;

  private final byte[] block;
  private final long size;
  private final long rowsPerBlock;
  private final long rows;
  private long pos;

  /**
   * A stream of about {@code bytes} bytes (whole rows, at least one).
   *
   * @param bytes the size wanted
   * @param seed  seed of the rows' draws
   */
  public SyntheticEvents(long bytes, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(BLOCK_ROWS * 300);
    long day0 = java.time.LocalDate.of(2022, 3, 21).toEpochDay();
    List<String> f = new ArrayList<>(Collections.nCopies(58, ""));
    for (int i = 0; i < BLOCK_ROWS; i++) {
      int root = 1 + rnd.nextInt(20);
      int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
      String rootText = root < 10 ? "0" + root : Integer.toString(root);
      String code = rootText + rnd.nextInt(10);
      String a1 = CODES.get(rnd.nextInt(CODES.size()));
      String a2 = CODES.get(rnd.nextInt(CODES.size()));
      java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day0 + rnd.nextInt(728));
      String date = String.format(java.util.Locale.ROOT, "%04d%02d%02d", d.getYear(),
          d.getMonthValue(), d.getDayOfMonth());
      f.set(0, Long.toString(1_000_000_000L + i));
      f.set(1, date);
      f.set(2, date.substring(0, 6));
      f.set(3, date.substring(0, 4));
      f.set(4, date.substring(0, 4) + ".5000");
      f.set(5, a1 + "GOV");
      f.set(6, "GOVERNMENT " + a1);
      f.set(7, a1);
      f.set(12, "GOV");
      f.set(15, a2 + "MIL");
      f.set(16, "MILITARY " + a2);
      f.set(17, a2);
      f.set(22, "MIL");
      f.set(25, "1");
      f.set(26, code);
      f.set(27, code);
      f.set(28, rootText);
      f.set(29, Integer.toString(quad));
      f.set(30, String.format(java.util.Locale.ROOT, "%.1f", -10 + 20 * rnd.nextDouble()));
      f.set(31, Integer.toString(1 + rnd.nextInt(40)));
      f.set(32, "1");
      f.set(33, Integer.toString(1 + rnd.nextInt(40)));
      f.set(34, String.format(java.util.Locale.ROOT, "%.14f", -10 + 12 * rnd.nextDouble()));
      f.set(35, "4");
      f.set(36, "Kyiv, Kyyiv, Misto, Ukraine");
      f.set(37, "UP");
      f.set(38, "UP12");
      f.set(39, "50.4333");
      f.set(40, "30.5167");
      f.set(41, "-1044367");
      f.set(49, "4");
      f.set(50, "Kyiv, Kyyiv, Misto, Ukraine");
      f.set(51, "UP");
      f.set(52, "UP12");
      f.set(53, "50.4333");
      f.set(54, "30.5167");
      f.set(55, "-1044367");
      f.set(56, "20240101");
      f.set(57, "https://www.example.org/news/2022/world/article-" + i + ".html");
      sb.append(String.join("\t", f)).append('\n');
    }
    this.block = sb.toString().getBytes(StandardCharsets.UTF_8);
    this.rowsPerBlock = BLOCK_ROWS;
    long blocks = Math.max(0, bytes / block.length);
    long rest = bytes - blocks * block.length;
    // whole rows of the last, partial block
    int cut = 0;
    long extraRows = 0;
    for (int i = 0; i < block.length && i < rest; i++) {
      if (block[i] == '\n') {
        cut = i + 1;
        extraRows++;
      }
    }
    if (blocks == 0 && extraRows == 0) {
      for (int i = 0; i < block.length; i++) {
        if (block[i] == '\n') {
          cut = i + 1;
          extraRows = 1;
          break;
        }
      }
    }
    this.size = blocks * block.length + cut;
    this.rows = blocks * rowsPerBlock + extraRows;
  }

  /** Bytes in the stream. */
  public long size() {
    return size;
  }

  /** Rows in the stream. */
  public long rows() {
    return rows;
  }

  @Override
  public int read() {
    if (pos >= size) {
      return -1;
    }
    return block[(int) (pos++ % block.length)] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (pos >= size) {
      return -1;
    }
    int at = (int) (pos % block.length);
    int n = (int) Math.min(Math.min(len, block.length - at), size - pos);
    System.arraycopy(block, at, b, off, n);
    pos += n;
    return n;
  }
}
