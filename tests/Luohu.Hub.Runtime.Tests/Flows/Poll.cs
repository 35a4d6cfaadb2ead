namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>Polls an asynchronous condition until it holds or a generous deadline passes.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after 10 s waiting until {because}.");
            }

            await Task.Delay(5);
        }
    }
}
