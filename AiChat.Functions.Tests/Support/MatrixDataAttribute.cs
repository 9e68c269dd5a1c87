using System.Reflection;
using Xunit.Sdk;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// Theory rows: every cell of the test class's <see cref="BackendMatrix"/> (its static Matrix property, or the one
/// <see cref="Matrix"/> names), each followed by the given values, as [InlineData] would give them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class MatrixDataAttribute(params object?[]? values) : DataAttribute
{
    /// <summary>The values after the cell; [MatrixData(null)] gives one null, as [InlineData(null)] does.</summary>
    public object?[] Values { get; } = values ?? [null];

    public string Matrix { get; set; } = "Matrix";

    public override IEnumerable<object?[]> GetData(MethodInfo testMethod)
    {
        var property = testMethod.ReflectedType?.GetProperty(Matrix, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            ?? throw new InvalidOperationException($"{testMethod.ReflectedType} has no public static {Matrix} property for [MatrixData].");
        return ((BackendMatrix)property.GetValue(null)!).Cross([Values]);
    }
}
