namespace Luohu.Hub.Sdk.Connectors;

/// <summary>
/// Marks a method of a family interface as a standard capability. The method must have the shape
/// <c>ValueTask&lt;TOutput&gt; Name(TInput input, CancellationToken cancellationToken)</c>. A plugin that
/// registers an implementation of the interface offers every such capability without further code.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CapabilityAttribute : Attribute
{
    /// <summary>Marks a standard capability.</summary>
    /// <param name="id">The capability id, e.g. <c>signal.set-phase</c>.</param>
    /// <param name="title">A short title for the designer's palette.</param>
    public CapabilityAttribute(string id, string title)
    {
        Id = id;
        Title = title;
    }

    /// <summary>The capability id, e.g. <c>signal.set-phase</c>.</summary>
    public string Id { get; }

    /// <summary>A short title for the designer's palette.</summary>
    public string Title { get; }

    /// <summary>What the capability does, for the designer.</summary>
    public string? Description { get; set; }

    /// <summary>Whether each call is written to the audit log (credit decisions, face matches).</summary>
    public bool Sensitive { get; set; }

    /// <summary>
    /// Whether a call changes the world outside the hub (moves money, opens a barrier). The hub then records each
    /// call from a flow in its outbox before making it and its result after, resumes an interrupted call with the
    /// same idempotency key after a crash, and answers a redelivered message from the record instead of calling
    /// again. The input should carry an <c>idempotencyKey</c> the implementation honours; the hub fills it in.
    /// </summary>
    public bool ChangesWorld { get; set; }
}
