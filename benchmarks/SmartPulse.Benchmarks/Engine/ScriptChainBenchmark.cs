using System.Diagnostics;
using System.Globalization;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Benchmarks.Engine;

/// <summary>
/// Where a long notebook's cost goes, without processes or the wire protocol: N trivial cells
/// (<c>var vI = I; vI + 1</c>) through one <see cref="CompositeKernel"/> in this process, printing for
/// every block of cells the time per cell of that block, the managed heap after a full GC and the
/// working set. A per-cell time or heap that grows with the cell number is the superlinear part.
/// Usage: <c>script-chain [--cells N] [--every K]</c> (defaults 2,000 and 200).
/// </summary>
public sealed class ScriptChainBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "script-chain";

    /// <inheritdoc/>
    public string Description => "N trivial cells in one in-process kernel: ms per cell, heap and working set per block (growth = superlinear)";

    /// <inheritdoc/>
    public void Run(string[] args)
    {
        var cells = Arg(args, "--cells", 2000);
        var every = Arg(args, "--every", 200);
        using var kernel = new CompositeKernel(new CompositeKernelOptions());
        var total = Stopwatch.StartNew();
        var block = Stopwatch.StartNew();
        for (var i = 0; i < cells; i++)
        {
            var result = kernel.ExecuteAsync($"var v{i} = {i};\nv{i} + 1", null, null, null, null, CancellationToken.None).GetAwaiter().GetResult();
            if (!result.Succeeded)
            {
                Console.WriteLine($"  cell {i + 1} failed: {result.Error?.ErrorValue}");
                return;
            }

            if ((i + 1) % every == 0)
            {
                var ms = block.Elapsed.TotalMilliseconds / every;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                using var self = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cells {i + 2 - every,5}-{i + 1,5}: {ms,7:0.0} ms/cell, heap {GC.GetTotalMemory(false) / 1048576.0,7:0} MB, working set {self.WorkingSet64 / 1048576.0,7:0} MB, peak {self.PeakWorkingSet64 / 1048576.0,7:0} MB, {total.Elapsed.TotalSeconds,6:0.0} s"));
                block.Restart();
            }
        }
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
