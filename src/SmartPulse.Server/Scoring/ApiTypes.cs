namespace SmartPulse.Server.Scoring;

/// <summary>The <c>/healthz</c> answer.</summary>
/// <param name="Status">Always "ok" while the server answers.</param>
/// <param name="Models">How many models are loaded.</param>
public sealed record HealthReport(string Status, int Models);

/// <summary>A scoring request body.</summary>
/// <param name="Model">The model name (optional when one model is loaded).</param>
/// <param name="Rows">One object per customer, keyed by input column.</param>
public sealed record ScoreRequest(string? Model, IReadOnlyList<Dictionary<string, object?>> Rows);

/// <summary>One scored row.</summary>
/// <param name="Row">The row's position in the request (0-based).</param>
/// <param name="Segment">The segment id (−1 = DBSCAN noise), or null when the model's preparation dropped the row.</param>
/// <param name="Name">The segment name.</param>
/// <param name="Distances">Euclidean distance in model space to each segment centroid (null for DBSCAN models).</param>
public sealed record ScoredRow(int Row, int? Segment, string? Name, IReadOnlyList<double>? Distances);

/// <summary>The scoring answer.</summary>
/// <param name="Model">The model used.</param>
/// <param name="Count">Rows scored.</param>
/// <param name="Rows">One result per request row, in order.</param>
/// <param name="Warnings">Preparation warnings (for example values imputed).</param>
public sealed record ScoreResponse(string Model, int Count, IReadOnlyList<ScoredRow> Rows, IReadOnlyList<string> Warnings);

/// <summary>A loaded model in the list.</summary>
/// <param name="Name">Its name in requests.</param>
/// <param name="Source">The file it was loaded from.</param>
/// <param name="Algorithm">kmeans, ward, dbscan.</param>
/// <param name="K">Number of segments.</param>
/// <param name="Features">Input columns a request must send.</param>
public sealed record ModelSummary(string Name, string Source, string Algorithm, int K, IReadOnlyList<string> Features);

/// <summary>A model's description.</summary>
/// <param name="Name">Its name in requests.</param>
/// <param name="Source">The file it was loaded from.</param>
/// <param name="Algorithm">kmeans, ward, dbscan.</param>
/// <param name="K">Number of segments.</param>
/// <param name="Features">Input columns a request must send.</param>
/// <param name="ModelFeatures">Features after preparation (the centroid coordinates' order).</param>
/// <param name="Autoencoder">True when rows are encoded by an autoencoder before assignment.</param>
/// <param name="Segments">Per segment: id, name, training size and centroid.</param>
/// <param name="Parameters">The clustering settings.</param>
/// <param name="TrainingRows">Rows the model was fitted on.</param>
/// <param name="TrainingMetrics">k, inertia, silhouette, Calinski–Harabasz, Davies–Bouldin on the training data.</param>
/// <param name="PackageVersion">The SmartPulse version that wrote the model.</param>
public sealed record ModelDetail(
    string Name,
    string Source,
    string Algorithm,
    int K,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> ModelFeatures,
    bool Autoencoder,
    IReadOnlyList<SegmentDetail> Segments,
    IReadOnlyDictionary<string, string> Parameters,
    int TrainingRows,
    IReadOnlyDictionary<string, double?> TrainingMetrics,
    string PackageVersion);

/// <summary>One segment of a model.</summary>
/// <param name="Segment">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Size">Training rows in it.</param>
/// <param name="Centroid">Centroid per model feature in original (unscaled) units; null for DBSCAN and autoencoder models.</param>
public sealed record SegmentDetail(int Segment, string Name, int Size, IReadOnlyDictionary<string, double>? Centroid);
