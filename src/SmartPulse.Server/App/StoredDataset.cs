using SmartPulse.Analysis.Data;

namespace SmartPulse.Server.App;

/// <summary>A dataset loaded for the app: its id, the session that owns it, a display name and the loaded table.</summary>
/// <param name="Id">Random id used in URLs.</param>
/// <param name="Owner">The session id that loaded it; other sessions cannot see it.</param>
/// <param name="DisplayName">The name shown (the uploaded file's name or the bundled dataset's title); always escaped when shown.</param>
/// <param name="Loaded">The table and what the loader decided per column.</param>
/// <param name="Dataset">The bundled dataset's descriptor (labels, units), or null for uploads.</param>
internal sealed record StoredDataset(string Id, string Owner, string DisplayName, LoadResult Loaded, DatasetDescriptor? Dataset);
