using SmartPulse.DuckDb;

namespace SmartPulse.Analysis.Exploration.Files;

/// <summary>
/// Reports the progress of the query running on a <see cref="DuckDbDatabase"/> while it lasts: DuckDB's own
/// progress tracking is switched on (without its terminal printer) and a background thread reads
/// <c>duckdb_query_progress</c> every 200 ms, passing the done fraction scaled to the total given
/// (the file's size, so a bar can show MB/s). Nothing runs when there is no callback.
/// </summary>
internal sealed class DuckDbProgress : IDisposable
{
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread? _thread;

    public DuckDbProgress(DuckDbDatabase db, long total, Action<long, long>? report)
    {
        if (report is null)
        {
            return;
        }

        db.Execute("SET enable_progress_bar = true");
        db.Execute("SET enable_progress_bar_print = false");
        _thread = new Thread(() =>
        {
            while (!_stop.Wait(200))
            {
                double percentage;
                try
                {
                    percentage = db.Connection.GetQueryProgress().Percentage;
                }
                catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
                {
                    continue;
                }

                if (percentage >= 0)
                {
                    report((long)(Math.Min(percentage, 100) / 100 * total), total);
                }
            }
        })
        { IsBackground = true, Name = "duckdb-progress" };
        _thread.Start();
    }

    /// <summary>Stops reporting (waits for the reporting thread, so no report comes after this).</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread?.Join();
        _stop.Dispose();
    }
}
