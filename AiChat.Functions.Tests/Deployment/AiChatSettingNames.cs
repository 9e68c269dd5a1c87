using System.Reflection;
using AiChat.Core.Hosting;
using Microsoft.Extensions.Configuration;

namespace AiChat.Functions.Tests.Deployment;

/// <summary>
/// The settings AiChat reads, taken from the code: every options class binds configuration by the names its
/// properties' [ConfigurationKeyName] give (AiChatOptions, SessionOptions, LimitOptions, GeoOptions, ...).
/// </summary>
public static class AiChatSettingNames
{
    public static IReadOnlySet<string> All { get; } = typeof(AiChatHostBuilderExtensions).Assembly.GetTypes()
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Select(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
