namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>Runner tests start kernel processes: run them one class at a time so the machine is not oversubscribed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunnerCollection
{
    public const string Name = "runner";
}
