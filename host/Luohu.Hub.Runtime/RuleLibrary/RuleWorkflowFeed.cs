namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>
/// The latest published version of one library workflow, for the rule nodes that follow it. Publishing swaps
/// <see cref="Current"/> in one write; a message reads it once when it reaches the node, so each message is evaluated
/// by exactly one version, the old or the new, and none is lost or doubled.
/// </summary>
internal sealed class RuleWorkflowFeed(string department, string name)
{
    private LibraryWorkflowVersion? _current;

    public string Department { get; } = department;

    public string Name { get; } = name;

    /// <summary>The version followers evaluate; null until one is published (or after the workflow was deleted).</summary>
    public LibraryWorkflowVersion? Current => Volatile.Read(ref _current);

    internal void Publish(LibraryWorkflowVersion? version) => Volatile.Write(ref _current, version);
}
