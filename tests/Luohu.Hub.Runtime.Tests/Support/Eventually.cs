namespace Luohu.Hub.Runtime.Tests.Support;

/// <summary>Polls a condition until it holds or a generous deadline passes (no sleeps-as-assertions).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {Deadline.TotalSeconds} s waiting until {because}.");
            }

            await Task.Delay(5);
        }
    }
}
