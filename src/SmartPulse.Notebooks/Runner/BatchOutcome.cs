namespace SmartPulse.Notebooks.Runner;

/// <summary>The overall outcome of a batch run; the CLI maps it to exit codes 0, 1 and 2.</summary>
public enum BatchOutcome
{
    /// <summary>Every notebook ran without error (and, with --check, matched its stored outputs).</summary>
    Succeeded,

    /// <summary>A notebook failed or, with --check, differed.</summary>
    Failed,

    /// <summary>A path was missing, not a notebook, unreadable, or the options were inconsistent; nothing ran.</summary>
    InvalidInput,
}
