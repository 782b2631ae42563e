using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// The open set of fitted steps a saved pipeline (and a model zip's <c>pipeline.json</c>) can hold: step name (the
/// <c>step</c> value in the JSON) → type, whose public properties (constructor parameters of a record) are what is
/// saved and what the step is rebuilt from. The generic steps are known by their names (<c>scale</c>, <c>impute</c>,
/// <c>pca</c>, …); every other step registers itself once, before saving or loading, and then round-trips like them:
/// <c>StepRegistry.Register&lt;FittedMyStep&gt;("my-step");</c>. The sample datasets' feature steps register the same way
/// (<see cref="Samples.SampleSteps"/>).
/// </summary>
public static class StepRegistry
{
    private static readonly ConcurrentDictionary<string, Type> _steps = new(StringComparer.Ordinal);

    /// <summary>The registered step names and types (the generic built-in ones are not listed).</summary>
    public static IReadOnlyDictionary<string, Type> Registered => _steps;

    /// <summary>Registers <typeparamref name="TStep"/> under <paramref name="name"/> (the <c>step</c> value in the JSON).</summary>
    /// <exception cref="ArgumentException">The name is empty, is a built-in step's name, or is taken by another type.</exception>
    public static void Register<TStep>(string name)
        where TStep : FittedStep
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (BuiltIn.Any(b => b.TypeDiscriminator is string s && s == name))
        {
            throw new ArgumentException($"'{name}' is the name of a built-in step; choose another name for {typeof(TStep).Name}.", nameof(name));
        }

        var type = _steps.GetOrAdd(name, typeof(TStep));
        if (type != typeof(TStep))
        {
            throw new ArgumentException($"The step name '{name}' is already registered for {type.FullName}; choose another name for {typeof(TStep).FullName}.", nameof(name));
        }
    }

    /// <summary>Whether a step of <paramref name="type"/> can be saved: a generic built-in step or a registered one.</summary>
    internal static bool IsKnown(Type type) =>
        _steps.Values.Contains(type) || BuiltIn.Any(b => b.DerivedType == type);

    private static IEnumerable<JsonDerivedTypeAttribute> BuiltIn =>
        typeof(FittedStep).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false).Cast<JsonDerivedTypeAttribute>();

    /// <summary>JSON options for pipelines, with every registered step known (built fresh, so later registrations count).</summary>
    internal static JsonSerializerOptions JsonOptions() => new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddRegisteredSteps } },
    };

    private static void AddRegisteredSteps(JsonTypeInfo info)
    {
        if (info.Type != typeof(FittedStep) || info.PolymorphismOptions is not { } polymorphism)
        {
            return;
        }

        foreach (var (name, type) in _steps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
