package dev.seedkit.core.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tarjan's strongly connected components, iterative so that long chains of thousands of tables cannot overflow
 * the stack. Nodes are {@code 0..n-1}; edges point from a table to the tables it depends on.
 */
final class StronglyConnectedComponents {

    private final int[][] successors;
    private final int[] index;
    private final int[] lowLink;
    private final int[] nextEdge;
    private final boolean[] onStack;
    private final int[] stack;
    private final int[] calls;
    private final List<int[]> components = new ArrayList<>();
    private int stackSize;
    private int callDepth;
    private int counter;

    private StronglyConnectedComponents(int[][] successors) {
        int n = successors.length;
        this.successors = successors;
        this.index = new int[n];
        this.lowLink = new int[n];
        this.nextEdge = new int[n];
        this.onStack = new boolean[n];
        this.stack = new int[n];
        this.calls = new int[n];
        Arrays.fill(index, -1);
    }

    /**
     * The components, each with its nodes in ascending order, listed so that every component comes after all
     * components it has edges to: dependencies first. Deterministic for a given graph.
     */
    static List<int[]> of(int[][] successors) {
        StronglyConnectedComponents tarjan = new StronglyConnectedComponents(successors);
        for (int node = 0; node < successors.length; node++) {
            if (tarjan.index[node] < 0) {
                tarjan.search(node);
            }
        }
        return tarjan.components;
    }

    private void search(int root) {
        visit(root);
        while (callDepth > 0) {
            int node = calls[callDepth - 1];
            if (nextEdge[node] < successors[node].length) {
                int next = successors[node][nextEdge[node]++];
                if (index[next] < 0) {
                    visit(next);
                } else if (onStack[next]) {
                    lowLink[node] = Math.min(lowLink[node], index[next]);
                }
            } else {
                finish(node);
            }
        }
    }

    private void visit(int node) {
        index[node] = counter;
        lowLink[node] = counter++;
        stack[stackSize++] = node;
        onStack[node] = true;
        calls[callDepth++] = node;
    }

    private void finish(int node) {
        callDepth--;
        if (callDepth > 0) {
            int caller = calls[callDepth - 1];
            lowLink[caller] = Math.min(lowLink[caller], lowLink[node]);
        }
        if (lowLink[node] == index[node]) {
            int start = stackSize;
            do {
                onStack[stack[--start]] = false;
            } while (stack[start] != node);
            int[] component = Arrays.copyOfRange(stack, start, stackSize);
            stackSize = start;
            Arrays.sort(component);
            components.add(component);
        }
    }
}
