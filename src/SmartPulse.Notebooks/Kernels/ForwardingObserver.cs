using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>Feeds the outputs of the C# session into the composite kernel's collector, in order.</summary>
internal sealed class ForwardingObserver(OutputCollector collector) : ICellOutputObserver
{
    public void OnOutput(CellOutput output)
    {
        if (output.OutputType == CellOutput.StreamType)
        {
            collector.WriteStream(output.Name ?? "stdout", output.Text ?? "");
        }
        else
        {
            collector.Add(output);
        }
    }

    public void OnDisplayUpdated(CellOutput output)
    {
        if (output.DisplayId is { } id)
        {
            collector.UpdateDisplay(id, output.Data);
        }
    }

    // ClearOutput() / Console.Clear() in a C# part clears the whole cell's outputs (and reaches the front end).
    public void OnClearOutput(bool wait) => collector.ClearOutput(wait);
}
