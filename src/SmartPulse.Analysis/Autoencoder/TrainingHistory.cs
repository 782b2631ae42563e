namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// What happened during <see cref="DenseAutoencoder.Fit"/>, as data a notebook can chart (Keras's
/// <c>History.history</c>): one entry per epoch run, epoch e at index e − 1.
/// </summary>
public sealed record TrainingHistory
{
    /// <summary>
    /// Training loss (MSE) of each epoch, computed as Keras reports it: the mean of the epoch's mini-batch losses
    /// weighted by batch size, each measured before that batch's update (so it lags the end-of-epoch weights).
    /// </summary>
    public required IReadOnlyList<double> Loss { get; init; }

    /// <summary>
    /// Validation loss (MSE over the held-out rows, with the end-of-epoch weights) of each epoch; empty when
    /// <see cref="AutoencoderOptions.ValidationSplit"/> is 0.
    /// </summary>
    public required IReadOnlyList<double> ValidationLoss { get; init; }

    /// <summary>Epochs actually run (fewer than <see cref="AutoencoderOptions.Epochs"/> when stopped early).</summary>
    public int Epochs => Loss.Count;

    /// <summary>Rows used for the gradient steps.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>Rows held out for <see cref="ValidationLoss"/> (the last ones of the input); 0 without validation.</summary>
    public required int ValidationRows { get; init; }

    /// <summary>Adam steps taken (mini-batches over all epochs).</summary>
    public required long Steps { get; init; }

    /// <summary>
    /// The 1-based epoch with the lowest monitored loss (validation loss when there is validation, else training
    /// loss), improvements smaller than <see cref="AutoencoderOptions.EarlyStoppingMinDelta"/> not counting.
    /// </summary>
    public required int BestEpoch { get; init; }

    /// <summary>True when early stopping ended training before <see cref="AutoencoderOptions.Epochs"/>.</summary>
    public required bool StoppedEarly { get; init; }

    /// <summary>True when the model holds the weights of <see cref="BestEpoch"/> rather than of the last epoch.</summary>
    public required bool RestoredBestWeights { get; init; }
}
