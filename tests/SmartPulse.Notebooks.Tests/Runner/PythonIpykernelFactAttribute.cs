using System.Diagnostics;
using SmartPulse.Notebooks.Client;

namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>
/// A fact that starts the installed python3 Jupyter kernel (Debian: python3-ipykernel). Skipped with the
/// reason when the kernelspec is missing or its Python cannot import ipykernel; under CI=true it always
/// runs (.ci/run installs it), so a missing kernel fails there instead of skipping.
/// </summary>
public sealed class PythonIpykernelFactAttribute : FactAttribute
{
    public PythonIpykernelFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && WhyNot() is { } reason)
        {
            Skip = reason + " (apt-get install -y python3-ipykernel); CI installs it and runs this test.";
        }
    }

    /// <summary>Null when python3 can run here, otherwise what is missing.</summary>
    public static string? WhyNot()
    {
        var launch = KernelSpecCatalog.Find("python3");
        if (launch is null)
        {
            return "no python3 Jupyter kernelspec";
        }

        try
        {
            var info = new ProcessStartInfo(launch.Argv[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import ipykernel");
            using var process = Process.Start(info)!;
            process.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0 ? null : $"{launch.Argv[0]} cannot import ipykernel";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"the python3 kernelspec's {launch.Argv[0]} does not start ({e.Message})";
        }
    }
}
