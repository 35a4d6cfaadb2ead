namespace Luohu.Hub.Host.Security;

/// <summary>
/// Marks an unsafe flow endpoint that changes nothing of the flow (a watch only shows its messages): the
/// <see cref="FlowAccessFilter"/> lets every reader of the flow use it, a department it is shared with included.
/// </summary>
internal sealed class ReadsFlow
{
    public static ReadsFlow Instance { get; } = new();
}
