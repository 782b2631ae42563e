using System.Reflection;
using SmartPulse.Notebooks.Execution;

// This test assembly declares the namespaces a script gets when it references it (see ScriptImportsTests).
[assembly: AssemblyMetadata(ScriptImports.MetadataKey, "SmartPulse.Notebooks.Tests.Execution.Imported; System.Text.Json")]

namespace SmartPulse.Notebooks.Tests.Execution.Imported;

/// <summary>A type in a namespace this test assembly asks scripts to import.</summary>
public static class ImportedMarker
{
    public static string Value => "imported";
}
