using System.Runtime.InteropServices;

namespace KubeCore.Benchmarks.Quick;

/// <summary>
/// The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID, nanosecond resolution). On a shared machine the wall
/// time of a repetition includes the time the thread waited for a core; its CPU time does not, so the quick mode prints
/// both. Elsewhere it is unavailable and the quick mode prints wall time only.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>True when the clock can be read on this platform.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>The thread's CPU time in nanoseconds, or 0 when unavailable.</summary>
    public static long Nanoseconds()
    {
        if (!IsAvailable || clock_gettime(ClockThreadCpuTimeId, out var ts) != 0)
        {
            return 0;
        }
        return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
