namespace Luohu.Hub.Runtime.Outbox;

/// <summary>The outbox's tuning (<c>Hub:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>How often pending entries are retried with their key, and how long one rests after an attempt. Default 10 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts after which an entry whose outcome stays unknown moves to failed for ops. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Entries resumed per sweep. Default 100.</summary>
    public int SweepBatch { get; set; } = 100;
}
