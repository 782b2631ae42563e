using SmartPulse.Notebooks.Client;
using SmartPulse.Notebooks.Runner;
using SmartPulse.Notebooks.Tests.Kernel;

namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>The SmartPulse kernel as the runner tests start it: the built CLI's <c>kernel {connection_file}</c> (rebuilt when stale).</summary>
internal static class TestKernel
{
    public static async Task<KernelLaunch> LaunchAsync() =>
        KernelLaunch.SmartPulse(["dotnet", await JupyterEnvironment.CliDllAsync(), "kernel", KernelLaunch.ConnectionFilePlaceholder]);

    /// <summary><paramref name="options"/> with the test kernel unless one is set.</summary>
    public static async Task<NotebookRunOptions> With(NotebookRunOptions options) =>
        options.Kernel is null ? options with { Kernel = await LaunchAsync() } : options;
}
