using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Microsoft.Data.Analysis;

namespace SmartPulse.DuckDb;

/// <summary>
/// Reads a DuckDB result into a <see cref="DataFrame"/> with one typed column per result column:
/// integers, floats, decimals, booleans and timestamps keep their type (DATE → DateTime at midnight),
/// HUGEINT becomes <c>long</c> when every value fits and <c>double</c> otherwise, everything else
/// (VARCHAR, lists, structs, intervals, ...) becomes invariant text. NULL stays null. Typed columns are
/// filled column-wise (<see cref="TypedColumnBuilder{T}"/>): values go unboxed into one typed buffer that
/// becomes the column's storage.
/// </summary>
internal static class ReaderToFrame
{
    public static DataFrame Read(DbDataReader reader)
    {
        var count = reader.FieldCount;
        var builders = new List<Func<DataFrameColumn>>(count);
        var appenders = new Action[count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var ordinal = i;
            var name = UniqueName(reader.GetName(i), used);
            var type = reader.GetFieldType(i);
            (appenders[i], var build) = type switch
            {
                _ when type == typeof(bool) => Typed<bool>(reader, ordinal, name),
                _ when type == typeof(byte) => Typed<byte>(reader, ordinal, name),
                _ when type == typeof(sbyte) => Typed<sbyte>(reader, ordinal, name),
                _ when type == typeof(short) => Typed<short>(reader, ordinal, name),
                _ when type == typeof(ushort) => Typed<ushort>(reader, ordinal, name),
                _ when type == typeof(int) => Typed<int>(reader, ordinal, name),
                _ when type == typeof(uint) => Typed<uint>(reader, ordinal, name),
                _ when type == typeof(long) => Typed<long>(reader, ordinal, name),
                _ when type == typeof(ulong) => Typed<ulong>(reader, ordinal, name),
                _ when type == typeof(float) => Typed<float>(reader, ordinal, name),
                _ when type == typeof(double) => Typed<double>(reader, ordinal, name),
                _ when type == typeof(decimal) => Typed<decimal>(reader, ordinal, name),
                _ when type == typeof(DateTime) => Typed<DateTime>(reader, ordinal, name),
                _ when type == typeof(DateOnly) => Dates(reader, ordinal, name),
                _ when type == typeof(BigInteger) => Huge(reader, ordinal, name),
                _ => Text(reader, ordinal, name),
            };
            builders.Add(build);
        }
        while (reader.Read())
        {
            foreach (var append in appenders)
            {
                append();
            }
        }
        return new DataFrame(builders.Select(b => b()));
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = string.IsNullOrEmpty(name) ? "column" : name;
        var unique = candidate;
        for (var n = 1; !used.Add(unique); n++)
        {
            unique = candidate + "_" + n.ToString(CultureInfo.InvariantCulture);
        }
        return unique;
    }

    private static (Action, Func<DataFrameColumn>) Typed<T>(DbDataReader reader, int ordinal, string name)
        where T : unmanaged
    {
        var column = new TypedColumnBuilder<T>();
        return (() =>
        {
            if (reader.IsDBNull(ordinal))
            {
                column.AddNull();
            }
            else
            {
                column.Add(reader.GetFieldValue<T>(ordinal));
            }
        }, () => column.Build(name));
    }

    private static (Action, Func<DataFrameColumn>) Dates(DbDataReader reader, int ordinal, string name)
    {
        var column = new DateTimeDataFrameColumn(name);
        return (() => column.Append(reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal).ToDateTime(TimeOnly.MinValue)), () => column);
    }

    private static (Action, Func<DataFrameColumn>) Huge(DbDataReader reader, int ordinal, string name)
    {
        var values = new List<BigInteger?>();
        return (() => values.Add(reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<BigInteger>(ordinal)), () =>
        {
            if (values.All(v => v is null || (v >= long.MinValue && v <= long.MaxValue)))
            {
                return new Int64DataFrameColumn(name, values.Select(v => v is null ? (long?)null : (long)v.Value));
            }
            return new DoubleDataFrameColumn(name, values.Select(v => v is null ? (double?)null : (double)v.Value));
        });
    }

    private static (Action, Func<DataFrameColumn>) Text(DbDataReader reader, int ordinal, string name)
    {
        var column = new StringDataFrameColumn(name);
        var isString = reader.GetFieldType(ordinal) == typeof(string);
        return (() => column.Append(reader.IsDBNull(ordinal) ? null : isString ? reader.GetString(ordinal) : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture)), () => column);
    }
}
