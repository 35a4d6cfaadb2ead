namespace Luohu.Hub.Runtime.Outbox;

/// <summary>Where an outbox entry stands.</summary>
internal static class OutboxStates
{
    /// <summary>Recorded; the call has not answered yet, or its outcome is unknown (timeout, crash, dropped connection). Resumed with the same key.</summary>
    public const string Pending = "pending";

    /// <summary>The call answered; its result is recorded and returned to any redelivery.</summary>
    public const string Completed = "completed";

    /// <summary>The provider refused the call for good (bad input, a denial), or it stayed unknown after every attempt. Needs ops: retry or resolve.</summary>
    public const string Failed = "failed";

    /// <summary>Closed by ops with a note (and optionally the result found at the provider).</summary>
    public const string Resolved = "resolved";

    public static bool IsKnown(string? state) => state is Pending or Completed or Failed or Resolved;
}
