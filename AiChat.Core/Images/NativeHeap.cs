using System.Runtime.InteropServices;

namespace AiChat.Core.Images;

/// <summary>
/// Gives the native heap's free memory back to the system after an image's pixels are freed. glibc raises its mmap
/// threshold to the size of the last large block freed (up to 32 MiB), so after the first image the pixel buffers of
/// the next ones come from its heaps, and freeing them keeps the pages resident: the server's memory would follow
/// the largest images it ever decoded on every thread, not the ones being decoded (docs/images.md#memory).
/// </summary>
internal static class NativeHeap
{
    private static bool Unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (Unavailable)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl, for one, has no malloc_trim): its heap is left as it is.
            Unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
