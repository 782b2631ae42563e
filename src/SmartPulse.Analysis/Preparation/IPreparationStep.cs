using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// One preparation step's options (validated when fitted). <see cref="Fit"/> learns whatever the step
/// needs from training data and returns an immutable <see cref="FittedStep"/> that transforms any
/// frame the same way; nothing is learned at transform time.
/// </summary>
public interface IPreparationStep
{
    /// <summary>Learns the step's state from <paramref name="frame"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options or a column that is missing or of the wrong type; the message names it.</exception>
    FittedStep Fit(DataFrame frame);
}
