namespace SmartPulse.Files;

/// <summary>A file a command reads, named for error messages.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Role">What it is, e.g. "input data", "model", "source notebook".</param>
public sealed record InputFile(string Path, string Role);
