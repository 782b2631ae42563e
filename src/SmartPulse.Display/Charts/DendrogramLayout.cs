namespace SmartPulse.Display.Charts;

/// <summary>Coordinates of a dendrogram's U-shaped links (SciPy layout: leaf i at x = 5 + 10·position).</summary>
internal sealed class DendrogramLayout
{
    private DendrogramLayout(double?[] x, double?[] y, int[] leafOrder, double[] leafX)
    {
        X = x;
        Y = y;
        LeafOrder = leafOrder;
        LeafX = leafX;
    }

    /// <summary>X of every link vertex; null separates links.</summary>
    public double?[] X { get; }

    /// <summary>Y of every link vertex; null separates links.</summary>
    public double?[] Y { get; }

    /// <summary>Leaf ids from left to right.</summary>
    public int[] LeafOrder { get; }

    /// <summary>X of each leaf position.</summary>
    public double[] LeafX { get; }

    public static DendrogramLayout Compute(IReadOnlyList<(int Left, int Right, double Height)> merges, int leaves)
    {
        var order = new List<int>(leaves);
        if (leaves == 1)
        {
            order.Add(0);
        }
        else
        {
            // Iterative left-first traversal from the root (node 2n − 2).
            var stack = new Stack<int>();
            stack.Push((2 * leaves) - 2);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node < leaves)
                {
                    order.Add(node);
                    continue;
                }

                var m = merges[node - leaves];
                if (m.Left < 0 || m.Right < 0 || m.Left >= node || m.Right >= node)
                {
                    throw new ArgumentException($"Merge {node - leaves} joins nodes {m.Left} and {m.Right}; each must be a leaf or an earlier merge (< {node}).", nameof(merges));
                }

                stack.Push(m.Right);
                stack.Push(m.Left);
            }
        }

        var nodeX = new double[(2 * leaves) - 1];
        var nodeY = new double[(2 * leaves) - 1];
        for (var p = 0; p < order.Count; p++)
        {
            nodeX[order[p]] = 5 + (10 * p);
        }

        var xs = new List<double?>();
        var ys = new List<double?>();
        for (var i = 0; i < merges.Count; i++)
        {
            var (l, r, h) = merges[i];
            var node = leaves + i;
            nodeX[node] = (nodeX[l] + nodeX[r]) / 2;
            nodeY[node] = h;
            xs.AddRange([nodeX[l], nodeX[l], nodeX[r], nodeX[r], null]);
            ys.AddRange([nodeY[l], h, h, nodeY[r], null]);
        }

        return new DendrogramLayout(xs.ToArray(), ys.ToArray(), order.ToArray(), order.Select((_, p) => 5.0 + (10 * p)).ToArray());
    }
}
