using System.Diagnostics;

namespace Luohu.Hub.Testing;

/// <summary>
/// Waits for a condition with a deadline and fails the test, saying what it waited for, when the deadline passes:
/// tests assert outcomes, they never sleep for them.
/// </summary>
internal static class Poll
{
    /// <summary>The deadline when a test names none: generous, because CI machines are small and busy.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static Task UntilAsync(Func<bool> condition, string what) =>
        UntilAsync(() => Task.FromResult(condition()), Deadline, what);

    public static Task UntilAsync(Func<Task<bool>> condition, string what) => UntilAsync(condition, Deadline, what);

    public static Task UntilAsync(Func<bool> condition, string what, int seconds) =>
        UntilAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(seconds), what);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }
}
