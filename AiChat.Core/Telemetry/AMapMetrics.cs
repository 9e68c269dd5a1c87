using System.Diagnostics;

namespace AiChat.Core.Telemetry;

/// <summary>AMap's latency per HTTP exchange, by web service path (the query, which may hold the key, is never recorded).</summary>
internal static class AMapMetrics
{
    public static async Task<T> MeasureAsync<T>(string path, Func<Task<T>> exchange)
    {
        if (!AiChatDiagnostics.AMapDuration.Enabled)
        {
            return await exchange();
        }

        var started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            return await exchange();
        }
        catch (Exception e)
        {
            errorType = ErrorTypes.Of(e);
            throw;
        }
        finally
        {
            var tags = new TagList { { "aichat.amap.path", path } };
            if (errorType is not null)
            {
                tags.Add(GenAINames.ErrorType, errorType);
            }

            AiChatDiagnostics.AMapDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
