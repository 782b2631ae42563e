using System.Reflection;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>C# source names of runtime types, for the declarations <c>#!set</c>/<c>#!share</c> submit.</summary>
internal static class CSharpTypeName
{
    /// <summary>The type itself when it (and its generic arguments) are public, else its nearest such base type; <c>object</c> for null.</summary>
    public static Type PublicType(Type? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (IsNameable(t))
            {
                return t;
            }
        }
        return typeof(object);
    }

    public static IEnumerable<Assembly> Assemblies(Type type)
    {
        yield return type.Assembly;
        if (type.IsArray)
        {
            foreach (var a in Assemblies(type.GetElementType()!))
            {
                yield return a;
            }
        }
        foreach (var arg in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var a in Assemblies(arg))
            {
                yield return a;
            }
        }
    }

    public static string Of(Type type)
    {
        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Of(inner) + "?";
        }
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }
        var prefix = type.IsNested ? Of(type.DeclaringType!) + "." : (type.Namespace is { } ns ? "global::" + ns + "." : "global::");
        if (!type.IsGenericType)
        {
            return prefix + name;
        }
        var args = type.GetGenericArguments();
        var own = type.IsNested ? args.Skip(type.DeclaringType!.GetGenericArguments().Length) : args;
        return prefix + name + (own.Any() ? "<" + string.Join(", ", own.Select(Of)) + ">" : "");
    }

    private static bool IsNameable(Type t)
    {
        if (t.IsArray)
        {
            return IsNameable(t.GetElementType()!);
        }
        if (!(t.IsPublic || (t.IsNestedPublic && IsNameable(t.DeclaringType!))) || t.IsPointer || t.IsByRef)
        {
            return false;
        }
        if (t.Name.Contains('<', StringComparison.Ordinal))
        {
            return false; // compiler-generated (anonymous types, closures)
        }
        return !t.IsGenericType || t.GetGenericArguments().All(IsNameable);
    }
}
