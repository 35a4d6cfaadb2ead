namespace Luohu.Hub.Rules.Tests.TestSupport;

/// <summary>A clock the test sets; timestamps (elapsed time) stay real.</summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
