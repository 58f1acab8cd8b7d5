package dk.jobmatch.kernel;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns strings (skill ids, certificate codes, language codes) to dense ints so per-citizen
 * features are primitive arrays. Append-only; reads are lock-free, interning a new string takes
 * a lock. Thread-safe.
 *
 * @lucene.internal
 */
public final class Vocabulary {
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private volatile String[] names = new String[64];
  private int size;

  /** The id of {@code s}, assigning the next id if new. */
  public int intern(String s) {
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    synchronized (this) {
      id = ids.get(s);
      if (id != null) {
        return id;
      }
      String[] n = names;
      if (size == n.length) {
        n = Arrays.copyOf(n, n.length * 2);
      }
      n[size] = s;
      names = n;
      ids.put(s, size);
      return size++;
    }
  }

  /** The id of {@code s}, or -1 if it was never interned. */
  public int lookup(String s) {
    Integer id = ids.get(s);
    return id == null ? -1 : id;
  }

  /** The string of an id. */
  public String name(int id) {
    return names[id];
  }

  /** How many strings are interned. */
  public int size() {
    return ids.size();
  }
}
