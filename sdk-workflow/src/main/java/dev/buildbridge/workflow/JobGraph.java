package dev.buildbridge.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntFunction;

/**
 * The {@code needs} graph of a workflow's jobs, by index in file order: {@code needs[i]} holds the
 * indices job {@code i} needs. Every walk is iterative, so a hostile file with a long chain of
 * {@code needs} cannot overflow the stack, and linear (Tarjan, Kahn) up to a log factor.
 */
final class JobGraph {
  private final int[][] needs;

  JobGraph(int[][] needs) {
    this.needs = needs;
  }

  /**
   * Returns one cycle per strongly connected component that has one, ordered by the component's
   * first job in file order. Each cycle starts at that job and is a shortest way back to it; the
   * start is not repeated at the end. Self-loops are not cycles here (callers report them apart).
   */
  List<int[]> cycles() {
    int n = needs.length;
    int[] component = components();
    int[] size = new int[n];
    for (int c : component) {
      size[c]++;
    }
    List<int[]> out = new ArrayList<>();
    boolean[] done = new boolean[n];
    for (int v = 0; v < n; v++) {
      int c = component[v];
      if (size[c] > 1 && !done[c]) {
        done[c] = true;
        out.add(shortestCycle(v, component));
      }
    }
    return out;
  }

  /**
   * Returns {@code needs cycle: a -> b -> a}. A cycle of more than 20 jobs shows its first and
   * last ten ({@code j0 -> ... -> j9 -> ... 80 more ... -> j90 -> ... -> j99 -> j0}), so a hostile
   * file cannot make the message huge.
   */
  static String describe(int[] cycle, IntFunction<String> id) {
    StringBuilder sb = new StringBuilder("needs cycle: ");
    int n = cycle.length;
    for (int i = 0; i < n; i++) {
      if (n > 20 && i == 10) {
        sb.append("... ").append(n - 20).append(" more ... -> ");
        i = n - 10;
      }
      sb.append(id.apply(cycle[i])).append(" -> ");
    }
    return sb.append(id.apply(cycle[0])).toString();
  }

  /** Breadth-first search from {@code start} back to itself, inside its component. */
  private int[] shortestCycle(int start, int[] component) {
    int n = needs.length;
    int[] parent = new int[n];
    Arrays.fill(parent, -1);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    queue[tail++] = start;
    parent[start] = start;
    int last = -1;
    while (head < tail && last < 0) {
      int v = queue[head++];
      for (int w : needs[v]) {
        if (component[w] != component[start]) {
          continue;
        }
        if (w == start) {
          last = v;
          break;
        }
        if (parent[w] < 0) {
          parent[w] = v;
          queue[tail++] = w;
        }
      }
    }
    // last -> start closes the cycle; walk parents back from last to start.
    int length = 1;
    for (int v = last; v != start; v = parent[v]) {
      length++;
    }
    int[] cycle = new int[length];
    int i = length - 1;
    for (int v = last; v != start; v = parent[v]) {
      cycle[i--] = v;
    }
    cycle[0] = start;
    return cycle;
  }

  /** Tarjan's strongly connected components, iteratively; returns the component of each node. */
  private int[] components() {
    int n = needs.length;
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int[] low = new int[n];
    int[] component = new int[n];
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int next = 0;
    int components = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      index[root] = low[root] = next++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < needs[v].length) {
          int w = needs[v][callEdge[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = next++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            component[w] = components;
          } while (w != v);
          components++;
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return component;
  }

  /**
   * Returns the jobs in dependency order: every job after the jobs it needs, and otherwise in file
   * order (at each point, the earliest job in the file whose needs have all been placed).
   *
   * @throws IllegalStateException when the graph has a cycle
   */
  int[] order() {
    int n = needs.length;
    int[] missing = new int[n];
    int[][] neededBy = neededBy();
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int v = 0; v < n; v++) {
      missing[v] = needs[v].length;
      if (missing[v] == 0) {
        ready.add(v);
      }
    }
    int[] order = new int[n];
    int placed = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[placed++] = v;
      for (int w : neededBy[v]) {
        if (--missing[w] == 0) {
          ready.add(w);
        }
      }
    }
    if (placed != n) {
      throw new IllegalStateException("the needs graph has a cycle");
    }
    return order;
  }

  private int[][] neededBy() {
    int n = needs.length;
    int[] count = new int[n];
    for (int[] edges : needs) {
      for (int w : edges) {
        count[w]++;
      }
    }
    int[][] out = new int[n][];
    for (int v = 0; v < n; v++) {
      out[v] = new int[count[v]];
      count[v] = 0;
    }
    for (int v = 0; v < n; v++) {
      for (int w : needs[v]) {
        out[w][count[w]++] = v;
      }
    }
    return out;
  }
}
