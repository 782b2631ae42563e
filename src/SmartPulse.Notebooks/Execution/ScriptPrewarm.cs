namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Loads and jits Roslyn and the script host in the background as early as a process can ask for it (the
/// <c>smartpulse kernel</c> command calls <see cref="Start"/> first thing in <c>Main</c>, before its command line is
/// parsed and its sockets are bound): a throw-away <see cref="ScriptSession"/> runs its <see cref="ScriptSession.WarmUpAsync"/>
/// on the thread pool. The kernel's own session warms up later on code that is already compiled, so a first cell
/// sent right after <c>kernel_info</c> waits for less. Nothing is shared but the framework references and the JIT's work.
/// </summary>
public static class ScriptPrewarm
{
    private static int _started;

    /// <summary>Starts the background warm-up once per process (later calls do nothing); failures are ignored (the first cell reports real problems).</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                using var session = new ScriptSession();
                await session.WarmUpAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Best effort only.
            }
        });
    }
}
