using System.ComponentModel.DataAnnotations;

namespace AiChat.Core.Configuration;

/// <summary>
/// [Range] with its ErrorMessage kept. The options source generator swaps RangeAttribute itself for a copy that says
/// "The field X must be between…" whatever ErrorMessage holds (dotnet/runtime#123137); a subclass it uses as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }
}
