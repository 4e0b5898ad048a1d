package org.detente.engine;

/**
 * A small, fast, reseedable pseudo-random generator (xoshiro256**, Blackman & Vigna 2018) seeded
 * through SplitMix64 (Steele, Lea & Flood 2014). One instance per simulator; reseeding does not
 * allocate.
 */
public final class Rng {

  private long s0;
  private long s1;
  private long s2;
  private long s3;

  /** SplitMix64 finaliser: a good 64-bit mix. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The seed of run {@code index} of an ensemble with this master seed. */
  public static long runSeed(long masterSeed, long index) {
    return mix(mix(masterSeed + 0x9e3779b97f4a7c15L) ^ (index * 0xd1b54a32d192ed03L + 1));
  }

  /** Restarts the stream from a seed. */
  public void seed(long seed) {
    long x = seed;
    s0 = mix(x += 0x9e3779b97f4a7c15L);
    s1 = mix(x += 0x9e3779b97f4a7c15L);
    s2 = mix(x += 0x9e3779b97f4a7c15L);
    s3 = mix(x + 0x9e3779b97f4a7c15L);
  }

  /** Continues from the same point of the same stream as {@code o}. */
  public void copyFrom(Rng o) {
    s0 = o.s0;
    s1 = o.s1;
    s2 = o.s2;
    s3 = o.s3;
  }

  /** Next 64 random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform int in [0, n). */
  public int nextInt(int n) {
    return (int) (((nextLong() >>> 32) * n) >>> 32);
  }

  /** Index drawn from weights w[off .. off+n) (need not be normalised; all zero → uniform). */
  public int pick(double[] w, int off, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += w[off + i];
    }
    if (!(sum > 0)) {
      return nextInt(n);
    }
    double u = nextDouble() * sum;
    for (int i = 0; i < n; i++) {
      u -= w[off + i];
      if (u < 0) {
        return i;
      }
    }
    return n - 1;
  }
}
