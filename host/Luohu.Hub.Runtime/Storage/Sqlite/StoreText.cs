namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>Enum values as the lower-case text the schema's CHECK constraints expect.</summary>
internal static class StoreText
{
    public static string Of(DeployAction action) => action switch
    {
        DeployAction.Deploy => "deploy",
        DeployAction.Rollback => "rollback",
        DeployAction.Undeploy => "undeploy",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown deploy action."),
    };

    public static string Of(DeadLetterState state) => state switch
    {
        DeadLetterState.Pending => "pending",
        DeadLetterState.Replayed => "replayed",
        DeadLetterState.Discarded => "discarded",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown dead-letter state."),
    };
}
