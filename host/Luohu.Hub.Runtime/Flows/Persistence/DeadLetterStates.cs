namespace Luohu.Hub.Runtime.Flows.Persistence;

internal static class DeadLetterStates
{
    public const string Pending = "pending";
    public const string Replayed = "replayed";
    public const string Discarded = "discarded";
}
