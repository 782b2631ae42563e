using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Samples;

/// <summary>
/// Registers the sample datasets' feature steps with <see cref="StepRegistry"/> under the names saved pipelines have
/// always used (<c>shop-features</c>, <c>marketing-features</c>, <c>ifood-features</c>), exactly as a user registers a
/// step of their own: the generic pipeline code does not know them.
/// </summary>
public static class SampleSteps
{
    /// <summary>The step names and types this class registers.</summary>
    public static IReadOnlyDictionary<string, Type> Steps { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [FittedShopFeatures.StepName] = typeof(FittedShopFeatures),
        [FittedMarketingFeatures.StepName] = typeof(FittedMarketingFeatures),
        [FittedIFoodFeatures.StepName] = typeof(FittedIFoodFeatures),
    };

    /// <summary>
    /// Registers the three steps (idempotent). Runs when the assembly loads, so a model zip holding a sample step loads
    /// without a call.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The sample steps must be known before any saved pipeline is read; registering them is the only work done.")]
    public static void Register()
    {
        StepRegistry.Register<FittedShopFeatures>(FittedShopFeatures.StepName);
        StepRegistry.Register<FittedMarketingFeatures>(FittedMarketingFeatures.StepName);
        StepRegistry.Register<FittedIFoodFeatures>(FittedIFoodFeatures.StepName);
    }
}
