namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>Runner tests change the process's current directory while a notebook runs; keep them off each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunnerCollection
{
    public const string Name = "runner";
}
