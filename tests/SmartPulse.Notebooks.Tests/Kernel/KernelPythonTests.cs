namespace SmartPulse.Notebooks.Tests.Kernel;

/// <summary>
/// The kernel driven by Jupyter's own Python clients, started from a kernelspec that
/// <c>smartpulse kernel install --prefix</c> wrote: Debian's jupyter_kernel_test suite, and a
/// jupyter_client script (interrupting <c>while (true)</c>, a wrongly signed message, malformed
/// frames, an unknown message type, a 20 MB cell, update_display_data, restart).
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class KernelPythonTests : IDisposable
{
    private readonly JupyterEnvironment _jupyter = new();

    public void Dispose() => _jupyter.Dispose();

    [JupyterFact]
    public async Task JupyterKernelTestSuitePasses()
    {
        await _jupyter.InstallKernelAsync();
        var (code, output) = await _jupyter.PythonAsync(["-m", "unittest", "-v", "test_kernel_suite"], JupyterEnvironment.PythonTestsDirectory, TimeSpan.FromMinutes(10));

        Assert.True(code == 0, $"jupyter_kernel_test failed (exit {code}):\n{output}");
        foreach (var test in new[] { "test_execute_stdout", "test_execute_stderr", "test_execute_result", "test_display_data", "test_completion", "test_is_complete", "test_error", "test_inspect", "test_kernel_info", "test_history", "test_pager", "test_clear_output" })
        {
            Assert.Matches($@"{test} \(.*\) \.\.\. (\n.*)*?ok", output);
        }
    }

    [JupyterFact]
    public async Task JupyterClientInterruptsAnInfiniteLoopAndIgnoresForgedMessages()
    {
        await _jupyter.InstallKernelAsync();
        var (code, output) = await _jupyter.PythonAsync(["-m", "unittest", "-v", "test_interrupt_and_signing"], JupyterEnvironment.PythonTestsDirectory, TimeSpan.FromMinutes(10));

        Assert.True(code == 0, $"jupyter_client tests failed (exit {code}):\n{output}");
        Assert.Contains("test_interrupt_while_true_then_run_another_cell", output, StringComparison.Ordinal);
        Assert.Contains("dropped a message on Shell: invalid signature", output, StringComparison.Ordinal);
    }

    [JupyterFact]
    public async Task ReplaysLateOutputLoopLessInterruptsQuietLogAndParentDeath()
    {
        await _jupyter.InstallKernelAsync();
        var (code, output) = await _jupyter.PythonAsync(["-m", "unittest", "-v", "test_protocol_extras"], JupyterEnvironment.PythonTestsDirectory, TimeSpan.FromMinutes(10));

        Assert.True(code == 0, $"protocol tests failed (exit {code}):\n{output}");
        foreach (var test in new[] { "test_replayed_message_is_rejected", "test_output_of_a_task_that_outlives_its_cell_is_published", "test_interrupting_code_outside_a_loop_says_it_goes_on", "test_kernel_logs_nothing_unless_asked", "test_kernel_exits_when_its_launcher_dies" })
        {
            Assert.Matches($@"{test} \(.*\) \.\.\. (\n.*)*?ok", output);
        }
    }

    [JupyterFact]
    public async Task InstallRefusesToOverwriteADifferentSpecWithoutForce()
    {
        var first = await _jupyter.InstallKernelAsync();
        Assert.Contains("installed kernelspec '.net-csharp'", first, StringComparison.Ordinal);
        var specPath = Path.Combine(_jupyter.Prefix, "share", "jupyter", "kernels", ".net-csharp", "kernel.json");
        Assert.Contains("\"interrupt_mode\": \"message\"", await File.ReadAllTextAsync(specPath), StringComparison.Ordinal);

        var again = await _jupyter.InstallKernelAsync();
        Assert.Contains("unchanged", again, StringComparison.Ordinal);

        await File.WriteAllTextAsync(specPath, """{"argv": ["python3", "-m", "other"], "display_name": "Other", "language": "C#"}""");
        var dll = await JupyterEnvironment.CliDllAsync();
        var (code, output) = await JupyterEnvironment.RunAsync("dotnet", [dll, "kernel", "install", "--prefix", _jupyter.Prefix], _jupyter.Root, null, TimeSpan.FromMinutes(2));
        Assert.Equal(1, code);
        Assert.Contains("--force", output, StringComparison.Ordinal);
        Assert.Contains("Other", await File.ReadAllTextAsync(specPath), StringComparison.Ordinal);

        await _jupyter.InstallKernelAsync("--force");
        Assert.Contains("C# (SmartPulse)", await File.ReadAllTextAsync(specPath), StringComparison.Ordinal);

        // jupyter_client sees it.
        var (listCode, list) = await _jupyter.PythonAsync(["-c", "from jupyter_client.kernelspec import KernelSpecManager as M; s = M().get_kernel_spec('.net-csharp'); print(s.display_name, s.language, s.interrupt_mode)"], _jupyter.Root, TimeSpan.FromMinutes(1));
        Assert.True(listCode == 0, list);
        Assert.Contains("C# (SmartPulse) C# message", list, StringComparison.Ordinal);

        (code, output) = await JupyterEnvironment.RunAsync("dotnet", [dll, "kernel", "uninstall", "--prefix", _jupyter.Prefix], _jupyter.Root, null, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, output);
        Assert.False(File.Exists(specPath));
    }
}
