namespace AiChat.Emulator.AMap;

/// <summary>Settings of an <see cref="AMapEmulator"/>, read once when it starts.</summary>
public sealed class AMapEmulatorOptions
{
    /// <summary>Loopback port to bind; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Requests per second one key may make; beyond it the answer is 10020 CKQPS_HAS_EXCEEDED_THE_LIMIT, as AMap's.</summary>
    public int QpsPerKey { get; set; } = 50;

    /// <summary>Keep a <see cref="ReceivedAMapRequest"/> per request.</summary>
    public bool RecordRequests { get; set; } = true;
}
