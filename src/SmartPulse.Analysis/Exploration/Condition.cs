using System.Globalization;

namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// One numeric comparison of a rule, such as <c>Annual Income ($) &gt; 50000</c>. Operators:
/// <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>==</c>, <c>!=</c>.
/// </summary>
public sealed record Condition
{
    private static readonly string[] _operators = [">", ">=", "<", "<=", "==", "!="];

    /// <summary>Creates a condition.</summary>
    /// <param name="column">The numeric column compared.</param>
    /// <param name="operator">One of <c>&gt; &gt;= &lt; &lt;= == !=</c>.</param>
    /// <param name="value">The threshold.</param>
    /// <exception cref="ArgumentException">Unknown operator (lists the valid ones) or empty column name.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public Condition(string column, string @operator, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        if (Array.IndexOf(_operators, @operator) < 0)
        {
            throw new ArgumentException($"Unknown operator '{@operator}'. Use one of: {string.Join(" ", _operators)}.", nameof(@operator));
        }

        Column = column;
        Operator = @operator;
        Value = value;
    }

    /// <summary>The column compared.</summary>
    public string Column { get; }

    /// <summary>The operator.</summary>
    public string Operator { get; }

    /// <summary>The threshold.</summary>
    public double Value { get; }

    /// <summary>Whether <paramref name="x"/> satisfies the condition.</summary>
    public bool IsMetBy(double x) => Operator switch
    {
        ">" => x > Value,
        ">=" => x >= Value,
        "<" => x < Value,
        "<=" => x <= Value,
        "==" => x == Value,
        _ => x != Value,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Column} {Operator} {Value.ToString("G", CultureInfo.InvariantCulture)}";
}
