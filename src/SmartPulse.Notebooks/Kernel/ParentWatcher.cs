using System.Diagnostics;
using System.Globalization;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// Stops a kernel whose launcher died: watches <c>JPY_PARENT_PID</c> (set by jupyter_client and by
/// <c>smartpulse run</c>) or, without it, the process that started the kernel, and cancels when it is
/// gone, so a kernel whose front end crashed does not keep running.
/// </summary>
public static class ParentWatcher
{
    /// <summary>The process to watch: <c>JPY_PARENT_PID</c> when set, else the parent process (Linux), else none.</summary>
    /// <returns>The pid, or null.</returns>
    public static int? ParentId()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && pid > 1)
        {
            return pid;
        }

        try
        {
            // /proc/self/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid) && ppid > 1 ? ppid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Whether a process with id <paramref name="pid"/> is running.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>True while it runs.</returns>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            // A zombie (exited, not yet reaped) counts as dead.
            try
            {
                var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
                return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                return false;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Polls every <paramref name="interval"/> and calls <paramref name="onExit"/> once when <paramref name="pid"/> has ended.</summary>
    /// <param name="pid">The process to watch.</param>
    /// <param name="interval">How often to look.</param>
    /// <param name="onExit">What to do (stop the kernel).</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that ends when the parent died or watching stopped.</returns>
    public static async Task WatchAsync(int pid, TimeSpan interval, Action onExit, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!IsAlive(pid))
                {
                    onExit();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The kernel stopped first.
        }
    }
}
